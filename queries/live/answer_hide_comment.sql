-- answer_hide_comment: hide an answer's comment from the room and the export (the presenter's moderation).
UPDATE live_answers SET comment_hidden = 1 WHERE code = :code AND answer_id = :answer_id
