SELECT list_sort(range(50000000)) AS l
SELECT repeat('x', 100000) AS s FROM range(5000)
