-- schema: the evidence base of the workshop report "Internationalisation of Innovation in SMEs"
-- (Brussels, 13 June 2016). One table a CSV file in data/, loaded in the order written here
-- (parents before children). DuckDB enforces every key and check when the CSVs are appended.
-- Conventions: an empty CSV field is NULL ("the report does not say"); `source` always points
-- at sources.source_id; a column or table marked "PROJECT CODING" holds the project's reading,
-- not the report's words (see coding_notes).

CREATE TABLE sources (
    source_id  VARCHAR PRIMARY KEY CHECK (regexp_matches(source_id, '^[a-z0-9][a-z0-9.\-]*$')),
    kind       VARCHAR NOT NULL CHECK (kind IN ('report', 'section', 'figure', 'table', 'annex', 'footnote')),
    label      VARCHAR NOT NULL,
    title      VARCHAR NOT NULL,
    parent_id  VARCHAR REFERENCES sources (source_id)
);
COMMENT ON TABLE sources IS 'Every section, figure, table, annex and footnote of the report that a row can cite.';
COMMENT ON COLUMN sources.source_id IS 'Stable id, e.g. sec-3.2, fig-1a, tab-1, annex-3, fn-4.';
COMMENT ON COLUMN sources.kind IS 'What part of the report this is: report, section, figure, table, annex or footnote.';
COMMENT ON COLUMN sources.label IS 'How the app cites the part. For a part the report numbers, its number in the form the report uses when it cites its own parts ("Section 3.4.2", "Figure 1b", "Table 1", "Annex 2"). PROJECT CODING where the report gives no such label: the unnumbered figure and tables of section 4.2, the back cover, the footnotes and the annexes'' section numbers are labelled in the project''s words (e.g. Table in Section 4.2 (unnumbered), Footnote 4, Annex 1 (Section 5)).';
COMMENT ON COLUMN sources.title IS 'The heading or caption of the part, in the report''s words (for a footnote: its opening words; for the unnumbered tables and the figure of section 4.2, the words introducing them; for the back cover, its first words).';
COMMENT ON COLUMN sources.parent_id IS 'The enclosing section or annex, NULL for top-level parts.';

CREATE TABLE coding_notes (
    table_name   VARCHAR NOT NULL,
    column_name  VARCHAR NOT NULL,
    rationale    VARCHAR NOT NULL,
    PRIMARY KEY (table_name, column_name)
);
COMMENT ON TABLE coding_notes IS 'PROJECT CODING register: every column (or whole table, column "*") whose values are the project''s reading rather than the report''s words, with the rationale.';
COMMENT ON COLUMN coding_notes.table_name IS 'Table holding project-coded values.';
COMMENT ON COLUMN coding_notes.column_name IS 'Project-coded column, or * when the whole table is project coding.';
COMMENT ON COLUMN coding_notes.rationale IS 'Why and how the project coded it.';

CREATE TABLE themes (
    theme_id     VARCHAR PRIMARY KEY,
    label        VARCHAR NOT NULL,
    description  VARCHAR NOT NULL
);
COMMENT ON TABLE themes IS 'PROJECT CODING: the theme vocabulary used to tag statements, survey items, SWOT items and implications.';
COMMENT ON COLUMN themes.theme_id IS 'Theme id (snake_case).';
COMMENT ON COLUMN themes.label IS 'Short label shown in the app.';
COMMENT ON COLUMN themes.description IS 'What falls under the theme.';

CREATE TABLE countries (
    iso2        VARCHAR PRIMARY KEY CHECK (regexp_matches(iso2, '^[A-Z]{2}$')),
    iso3        VARCHAR NOT NULL UNIQUE CHECK (regexp_matches(iso3, '^[A-Z]{3}$')),
    name        VARCHAR NOT NULL,
    eu_member_2016 BOOLEAN NOT NULL,
    european    BOOLEAN NOT NULL
);
COMMENT ON TABLE countries IS 'Countries named in the report (home countries, partner countries, participants). ISO 3166-1 codes; EU membership as of the workshop date (13 June 2016).';
COMMENT ON COLUMN countries.iso2 IS 'ISO 3166-1 alpha-2 code (GB for the United Kingdom).';
COMMENT ON COLUMN countries.iso3 IS 'ISO 3166-1 alpha-3 code.';
COMMENT ON COLUMN countries.name IS 'English short name.';
COMMENT ON COLUMN countries.eu_member_2016 IS 'Member of the EU on 13 June 2016 (general knowledge, not from the report).';
COMMENT ON COLUMN countries.european IS 'Geographically European (general knowledge, not from the report).';

CREATE TABLE contradictions (
    contradiction_id VARCHAR PRIMARY KEY,
    kind         VARCHAR NOT NULL CHECK (kind IN ('contradiction', 'arithmetic', 'erratum', 'spelling')),
    topic        VARCHAR NOT NULL,
    statement_a  VARCHAR NOT NULL,
    source_a     VARCHAR NOT NULL REFERENCES sources (source_id),
    statement_b  VARCHAR NOT NULL,
    source_b     VARCHAR NOT NULL REFERENCES sources (source_id),
    note         VARCHAR NOT NULL
);
COMMENT ON TABLE contradictions IS 'Where the report contradicts itself, its numbers do not add up, or it names one thing two ways. Both sides are kept in the data; this table flags them.';
COMMENT ON COLUMN contradictions.contradiction_id IS 'Row id.';
COMMENT ON COLUMN contradictions.kind IS 'PROJECT CODING: contradiction (two statements disagree), arithmetic (shares or counts do not add up or cannot be whole counts of their N), erratum (a wrong reference), spelling (one name written two ways).';
COMMENT ON COLUMN contradictions.topic IS 'PROJECT CODING: what it concerns, in a label written by the project.';
COMMENT ON COLUMN contradictions.statement_a IS 'The first statement, verbatim.';
COMMENT ON COLUMN contradictions.source_a IS 'Where the first statement is.';
COMMENT ON COLUMN contradictions.statement_b IS 'The second statement, verbatim (the arithmetic, if any, is in note).';
COMMENT ON COLUMN contradictions.source_b IS 'Where the second statement is.';
COMMENT ON COLUMN contradictions.note IS 'PROJECT CODING: what the project makes of it (the arithmetic included) and how the app treats it.';

-- ---------------------------------------------------------------- study framework (section 3.2)

CREATE TABLE internationalisation_types (
    type_id          VARCHAR PRIMARY KEY CHECK (type_id IN ('branch', 'collaboration', 'customising', 'ip', 'employment')),
    label            VARCHAR NOT NULL,
    definition       VARCHAR NOT NULL,
    matrix_label     VARCHAR NOT NULL UNIQUE,
    sort_order       INTEGER NOT NULL UNIQUE CHECK (sort_order BETWEEN 1 AND 5),
    source           VARCHAR NOT NULL REFERENCES sources (source_id)
);
COMMENT ON TABLE internationalisation_types IS 'The five types of internationalising innovation the study focused on (section 3.2), the HOW rows of the WHAT/HOW matrix (section 4.2).';
COMMENT ON COLUMN internationalisation_types.type_id IS 'Type id: branch, collaboration, customising, ip, employment.';
COMMENT ON COLUMN internationalisation_types.label IS 'The report''s name, e.g. "the branch type".';
COMMENT ON COLUMN internationalisation_types.definition IS 'The report''s definition, verbatim.';
COMMENT ON COLUMN internationalisation_types.matrix_label IS 'The row label of the WHAT/HOW figure in section 4.2 (Branching, Collaboration, Customising, IP Purchase, Employment).';
COMMENT ON COLUMN internationalisation_types.sort_order IS 'Order in which the report lists the types.';
COMMENT ON COLUMN internationalisation_types.source IS 'Where the definition is given.';

CREATE TABLE typology_groups (
    typology_id  VARCHAR PRIMARY KEY CHECK (typology_id IN ('born_global', 'urged_global', 'intentional_global', 'accidental_global')),
    label        VARCHAR NOT NULL,
    definition   VARCHAR NOT NULL,
    sort_order   INTEGER NOT NULL UNIQUE CHECK (sort_order BETWEEN 1 AND 4),
    source       VARCHAR NOT NULL REFERENCES sources (source_id)
);
COMMENT ON TABLE typology_groups IS 'The typology of internationalising SMEs suggested by the study (section 3.2): born, urged, intentional and accidental globals.';
COMMENT ON COLUMN typology_groups.typology_id IS 'Group id.';
COMMENT ON COLUMN typology_groups.label IS 'The report''s name, e.g. "Born globals".';
COMMENT ON COLUMN typology_groups.definition IS 'The report''s description of the group, verbatim.';
COMMENT ON COLUMN typology_groups.sort_order IS 'Order in which the report presents the groups.';
COMMENT ON COLUMN typology_groups.source IS 'Where the group is described.';

-- ---------------------------------------------------------------- the 12 case studies

CREATE TABLE cases (
    case_id             VARCHAR PRIMARY KEY,
    name                VARCHAR NOT NULL UNIQUE,
    name_variants       VARCHAR,
    home_country_label  VARCHAR NOT NULL,
    description         VARCHAR,
    typology_id         VARCHAR NOT NULL REFERENCES typology_groups (typology_id),
    typology_reason     VARCHAR NOT NULL,
    typology_source     VARCHAR NOT NULL REFERENCES sources (source_id),
    founded_year        INTEGER CHECK (founded_year BETWEEN 1900 AND 2016),
    age_years           INTEGER CHECK (age_years > 0),
    staff               INTEGER CHECK (staff > 0),
    staff_qualifier     VARCHAR CHECK (staff_qualifier IN ('exact', 'about')),
    contract_min_eur    INTEGER CHECK (contract_min_eur > 0),
    contract_max_eur    INTEGER CHECK (contract_max_eur >= contract_min_eur),
    website             VARCHAR,
    presented_at_workshop BOOLEAN NOT NULL,
    presentation_source VARCHAR REFERENCES sources (source_id),
    source              VARCHAR NOT NULL REFERENCES sources (source_id),
    CHECK (presented_at_workshop = (presentation_source IS NOT NULL)),
    CHECK ((staff IS NULL) = (staff_qualifier IS NULL))
);
COMMENT ON TABLE cases IS 'The 12 case-study SMEs of the empirica/Dialogic study (sections 3.2 and 3.4). NULL wherever the report is silent.';
COMMENT ON COLUMN cases.case_id IS 'Case id (snake_case of the name).';
COMMENT ON COLUMN cases.name IS 'The name as the report usually writes it.';
COMMENT ON COLUMN cases.name_variants IS 'Other spellings the report uses, separated by "; " (e.g. "Fruit Freshly" for Food Freshly).';
COMMENT ON COLUMN cases.home_country_label IS 'Home country as the report writes it, e.g. "Denmark/Germany". ISO codes in case_countries.';
COMMENT ON COLUMN cases.description IS 'What the firm does, in the report''s words; NULL when the report only names the case.';
COMMENT ON COLUMN cases.typology_id IS 'Typology group the report puts the case in (section 3.2).';
COMMENT ON COLUMN cases.typology_reason IS 'The report''s reason for that group, verbatim (omissions marked "...").';
COMMENT ON COLUMN cases.typology_source IS 'Where the typology is assigned.';
COMMENT ON COLUMN cases.founded_year IS 'Year founded, where the report gives it.';
COMMENT ON COLUMN cases.age_years IS 'Age in years as the report states it ("a 12-year old ... organisation"), where given.';
COMMENT ON COLUMN cases.staff IS 'Number of employees, where given.';
COMMENT ON COLUMN cases.staff_qualifier IS 'Qualifier kept with the staff figure: exact or about.';
COMMENT ON COLUMN cases.contract_min_eur IS 'Lower end of typical contract sizes in EUR, where given.';
COMMENT ON COLUMN cases.contract_max_eur IS 'Upper end of typical contract sizes in EUR, where given.';
COMMENT ON COLUMN cases.website IS 'Web address the report gives.';
COMMENT ON COLUMN cases.presented_at_workshop IS 'True when the firm presented its case at the workshop (section 3.4).';
COMMENT ON COLUMN cases.presentation_source IS 'The section with the workshop presentation, NULL if not presented.';
COMMENT ON COLUMN cases.source IS 'Where the case is introduced or described.';

CREATE TABLE case_countries (
    case_id   VARCHAR NOT NULL REFERENCES cases (case_id),
    iso2      VARCHAR NOT NULL REFERENCES countries (iso2),
    position  INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3),
    source    VARCHAR NOT NULL REFERENCES sources (source_id),
    PRIMARY KEY (case_id, iso2)
);
COMMENT ON TABLE case_countries IS 'Home countries of the cases as ISO codes (one row per country; WEPROG has two).';
COMMENT ON COLUMN case_countries.case_id IS 'The case.';
COMMENT ON COLUMN case_countries.iso2 IS 'A home country of the case.';
COMMENT ON COLUMN case_countries.position IS 'PROJECT CODING: order in which the report names the countries (1 = first), where two mentions disagree the project''s choice (coding_notes).';
COMMENT ON COLUMN case_countries.source IS 'Where the home country is stated.';

CREATE TABLE case_activities (
    activity_id       VARCHAR PRIMARY KEY,
    case_id           VARCHAR NOT NULL REFERENCES cases (case_id),
    type_id           VARCHAR NOT NULL REFERENCES internationalisation_types (type_id),
    stance            VARCHAR NOT NULL CHECK (stance IN ('does', 'does_not')),
    evidence          VARCHAR NOT NULL,
    partner_countries VARCHAR,
    partner_iso2      VARCHAR CHECK (regexp_matches(partner_iso2, '^[A-Z]{2}(;[A-Z]{2})*$')),
    coding            VARCHAR NOT NULL CHECK (coding IN ('stated', 'project')),
    coding_rationale  VARCHAR,
    source            VARCHAR NOT NULL REFERENCES sources (source_id),
    CHECK (coding = 'stated' OR coding_rationale IS NOT NULL)
);
COMMENT ON TABLE case_activities IS 'Each internationalisation type the report attributes to a named case, with the evidence sentence. Only what the report states about a named case.';
COMMENT ON COLUMN case_activities.activity_id IS 'Row id: <case_id>-<type_id>[-n].';
COMMENT ON COLUMN case_activities.case_id IS 'The case.';
COMMENT ON COLUMN case_activities.type_id IS 'The internationalisation type.';
COMMENT ON COLUMN case_activities.stance IS 'does: the report says the case does it; does_not: the report says the case does not (e.g. LifeTec does not intend to set up branches).';
COMMENT ON COLUMN case_activities.evidence IS 'The report''s sentence, verbatim.';
COMMENT ON COLUMN case_activities.partner_countries IS 'Partner or target countries and places named in the evidence, as the report writes them ("; "-separated).';
COMMENT ON COLUMN case_activities.partner_iso2 IS 'ISO codes of the named partner countries (";"-separated), NULL when none is a country.';
COMMENT ON COLUMN case_activities.coding IS 'stated: the report names the activity in words matching the type; project: the project matched the sentence to the type (see coding_rationale).';
COMMENT ON COLUMN case_activities.coding_rationale IS 'PROJECT CODING: why the sentence was matched to this type, when coding = project.';
COMMENT ON COLUMN case_activities.source IS 'Where the sentence is.';

CREATE TABLE case_aggregates (
    aggregate_id    VARCHAR PRIMARY KEY,
    topic           VARCHAR NOT NULL CHECK (topic IN ('activity', 'motive', 'barrier', 'impact')),
    item            VARCHAR NOT NULL,
    type_id         VARCHAR REFERENCES internationalisation_types (type_id),
    cases_count     INTEGER CHECK (cases_count BETWEEN 0 AND 12),
    count_qualifier VARCHAR NOT NULL CHECK (count_qualifier IN ('exact', 'half', 'each', 'specific cases')),
    count_derived   BOOLEAN NOT NULL,
    out_of          INTEGER NOT NULL CHECK (out_of = 12),
    wording         VARCHAR NOT NULL,
    source          VARCHAR NOT NULL REFERENCES sources (source_id)
);
COMMENT ON TABLE case_aggregates IS 'Counts the report gives over the 12 cases (section 3.2): activities, motives, barriers, impact.';
COMMENT ON COLUMN case_aggregates.aggregate_id IS 'Row id.';
COMMENT ON COLUMN case_aggregates.topic IS 'PROJECT CODING: activity, motive, barrier or impact: the project''s grouping of the counts.';
COMMENT ON COLUMN case_aggregates.item IS 'What is counted, in the report''s words.';
COMMENT ON COLUMN case_aggregates.type_id IS 'PROJECT CODING: the internationalisation type the project matches the counted activity to, for topic = activity.';
COMMENT ON COLUMN case_aggregates.cases_count IS 'Number of cases; NULL where the report gives no number ("only relevant in specific cases"). PROJECT CODING where count_derived is true (arithmetic on the report''s words).';
COMMENT ON COLUMN case_aggregates.count_qualifier IS 'How the report states the count: exact ("11 out of the 12"), half ("Half of the case companies"), each ("in 5 cases each"), specific cases.';
COMMENT ON COLUMN case_aggregates.count_derived IS 'True when cases_count is arithmetic on the report''s words (half of 12 = 6), not a number printed in the report.';
COMMENT ON COLUMN case_aggregates.out_of IS 'The base: the 12 cases.';
COMMENT ON COLUMN case_aggregates.wording IS 'The report''s sentence, verbatim.';
COMMENT ON COLUMN case_aggregates.source IS 'Where the count is given.';

-- ---------------------------------------------------------------- WHAT/HOW matrix (section 4.2)

CREATE TABLE business_processes (
    process_id    VARCHAR PRIMARY KEY CHECK (process_id IN ('export', 'production', 'rnd')),
    label         VARCHAR NOT NULL,
    column_index  INTEGER NOT NULL UNIQUE CHECK (column_index BETWEEN 1 AND 3),
    rationale     VARCHAR NOT NULL,
    source        VARCHAR NOT NULL REFERENCES sources (source_id)
);
COMMENT ON TABLE business_processes IS 'PROJECT CODING: the WHAT columns of the WHAT/HOW figure. The figure''s column labels were lost in the text export; this is the project''s reading of them from the surrounding text.';
COMMENT ON COLUMN business_processes.process_id IS 'export (export and trade / sales), production (manufacturing), rnd (R&D and innovation).';
COMMENT ON COLUMN business_processes.label IS 'Label shown in the app.';
COMMENT ON COLUMN business_processes.column_index IS 'Position of the symbol group in each row of the figure (1 = first group after the row label).';
COMMENT ON COLUMN business_processes.rationale IS 'The text that supports reading this column so.';
COMMENT ON COLUMN business_processes.source IS 'Where the supporting text is.';

CREATE TABLE what_how_raw (
    type_id        VARCHAR PRIMARY KEY REFERENCES internationalisation_types (type_id),
    line_no        INTEGER NOT NULL UNIQUE,
    raw_text       VARCHAR NOT NULL,
    symbols_total  INTEGER NOT NULL CHECK (symbols_total >= 0),
    source         VARCHAR NOT NULL REFERENCES sources (source_id)
);
COMMENT ON TABLE what_how_raw IS 'The rows of the WHAT/HOW figure exactly as they survive in the text export: the row label followed by U+FFFD replacement characters and spaces.';
COMMENT ON COLUMN what_how_raw.type_id IS 'The HOW row.';
COMMENT ON COLUMN what_how_raw.line_no IS 'Line number in the seed text file.';
COMMENT ON COLUMN what_how_raw.raw_text IS 'The line after the row label, U+FFFD written as "#" and spaces kept (so the CSV stays plain ASCII).';
COMMENT ON COLUMN what_how_raw.symbols_total IS 'Number of U+FFFD characters in the row, counted from the raw bytes (EF BF BD).';
COMMENT ON COLUMN what_how_raw.source IS 'The figure.';

CREATE TABLE what_how (
    type_id      VARCHAR NOT NULL REFERENCES internationalisation_types (type_id),
    process_id   VARCHAR NOT NULL REFERENCES business_processes (process_id),
    symbols      INTEGER NOT NULL CHECK (symbols BETWEEN 0 AND 3),
    intensity    VARCHAR NOT NULL CHECK (intensity IN ('none', 'some', 'strong')),
    source       VARCHAR NOT NULL REFERENCES sources (source_id),
    PRIMARY KEY (type_id, process_id)
);
COMMENT ON TABLE what_how IS 'PROJECT CODING: the WHAT/HOW matrix read from the surviving symbols: per HOW row and WHAT column, how many symbols the group holds. Counts are from the bytes; the column assignment and the intensity reading are the project''s (coding_notes).';
COMMENT ON COLUMN what_how.type_id IS 'HOW: the type of internationalisation (row).';
COMMENT ON COLUMN what_how.process_id IS 'PROJECT CODING: WHAT: the business process (column) the project reads this symbol group as (see business_processes).';
COMMENT ON COLUMN what_how.symbols IS 'PROJECT CODING: number of U+FFFD symbols in that cell''s group (0 = empty group), counted from the bytes; the split into groups is the project''s.';
COMMENT ON COLUMN what_how.intensity IS 'PROJECT CODING: the project''s reading of the symbol count: 0 none, 1 some, 3 strong case activity.';
COMMENT ON COLUMN what_how.source IS 'The figure.';

-- ---------------------------------------------------------------- the expert survey (sections 3.3, 4.3.3, Annex 3)

CREATE TABLE survey_samples (
    sample_id         VARCHAR PRIMARY KEY CHECK (sample_id IN ('2016-06-09', '2016-06-30')),
    as_of             DATE NOT NULL,
    valid_responses   INTEGER NOT NULL CHECK (valid_responses > 0),
    complete          INTEGER NOT NULL CHECK (complete >= 0),
    partial           INTEGER NOT NULL CHECK (partial >= 0),
    max_per_country   INTEGER NOT NULL,
    wording           VARCHAR NOT NULL,
    source            VARCHAR NOT NULL REFERENCES sources (source_id),
    CHECK (complete + partial = valid_responses)
);
COMMENT ON TABLE survey_samples IS 'The survey sample as reported at two dates: 43 valid responses by 9 June 2016 (section 3.3) and 44 by 30 June 2016 (Annex 3, 7.1). Both are kept; see contradictions.';
COMMENT ON COLUMN survey_samples.sample_id IS 'The date the count refers to (ISO date).';
COMMENT ON COLUMN survey_samples.as_of IS 'The date the count refers to.';
COMMENT ON COLUMN survey_samples.valid_responses IS 'Valid responses received by that date.';
COMMENT ON COLUMN survey_samples.complete IS 'Fully completed questionnaires.';
COMMENT ON COLUMN survey_samples.partial IS 'Partially completed questionnaires.';
COMMENT ON COLUMN survey_samples.max_per_country IS 'Most respondents from any single country.';
COMMENT ON COLUMN survey_samples.wording IS 'The report''s sentence, verbatim.';
COMMENT ON COLUMN survey_samples.source IS 'Where the count is given.';

CREATE TABLE survey_respondent_types (
    sample_id        VARCHAR NOT NULL REFERENCES survey_samples (sample_id),
    respondent_type  VARCHAR NOT NULL,
    position         INTEGER NOT NULL,
    share_pct        INTEGER CHECK (share_pct BETWEEN 0 AND 100),
    source           VARCHAR NOT NULL REFERENCES sources (source_id),
    PRIMARY KEY (sample_id, respondent_type)
);
COMMENT ON TABLE survey_respondent_types IS 'Who answered the survey, per sample: respondent types with their shares where given. The 30 June shares add up to 101% (rounding; see contradictions).';
COMMENT ON COLUMN survey_respondent_types.sample_id IS 'Sample the breakdown belongs to.';
COMMENT ON COLUMN survey_respondent_types.respondent_type IS 'Respondent type, in the report''s words.';
COMMENT ON COLUMN survey_respondent_types.position IS 'Order of listing in the report.';
COMMENT ON COLUMN survey_respondent_types.share_pct IS 'Share of respondents in percent; NULL where the report lists the type without a share (9 June).';
COMMENT ON COLUMN survey_respondent_types.source IS 'Where the breakdown is given.';

CREATE TABLE survey_expertise (
    domain      VARCHAR NOT NULL CHECK (domain IN ('SMEs', 'Innovation', 'Research', 'International business')),
    level       VARCHAR NOT NULL CHECK (level IN ('High', 'Medium', 'Low')),
    share_pct   INTEGER NOT NULL CHECK (share_pct BETWEEN 0 AND 100),
    source      VARCHAR NOT NULL REFERENCES sources (source_id),
    PRIMARY KEY (domain, level)
);
COMMENT ON TABLE survey_expertise IS 'Table 1: self-assessment of respondents regarding their expertise in four domains (Annex 3, 7.1).';
COMMENT ON COLUMN survey_expertise.domain IS 'Domain of expertise.';
COMMENT ON COLUMN survey_expertise.level IS 'Self-assessed level.';
COMMENT ON COLUMN survey_expertise.share_pct IS 'Share of respondents in percent.';
COMMENT ON COLUMN survey_expertise.source IS 'Table 1.';

CREATE TABLE survey_ease (
    answer       VARCHAR PRIMARY KEY,
    position     INTEGER NOT NULL UNIQUE,
    respondents  INTEGER NOT NULL CHECK (respondents >= 0),
    source       VARCHAR NOT NULL REFERENCES sources (source_id)
);
COMMENT ON TABLE survey_ease IS 'How easy or difficult respondents found answering the questions (Annex 3, 7.1). The counts add up to 38, not 44.';
COMMENT ON COLUMN survey_ease.answer IS 'The answer categories the report quotes, without its quotation marks ("easy" or "rather easy").';
COMMENT ON COLUMN survey_ease.position IS 'Order from easy to difficult.';
COMMENT ON COLUMN survey_ease.respondents IS 'Number of respondents.';
COMMENT ON COLUMN survey_ease.source IS 'Where the counts are given.';

CREATE TABLE survey_questions (
    question_id   VARCHAR PRIMARY KEY,
    label         VARCHAR NOT NULL,
    question_text VARCHAR,
    question_source VARCHAR REFERENCES sources (source_id),
    scale         VARCHAR,
    scale_source  VARCHAR REFERENCES sources (source_id),
    theme_id      VARCHAR NOT NULL REFERENCES themes (theme_id),
    position      INTEGER NOT NULL UNIQUE,
    source        VARCHAR NOT NULL REFERENCES sources (source_id),
    CHECK ((question_text IS NULL) = (question_source IS NULL)),
    CHECK ((scale IS NULL) = (scale_source IS NULL))
);
COMMENT ON TABLE survey_questions IS 'The questions of the survey as Annex 3 presents them; each figure and each respondent comment belongs to one.';
COMMENT ON COLUMN survey_questions.question_id IS 'Question id.';
COMMENT ON COLUMN survey_questions.label IS 'PROJECT CODING: a short label: the Annex 3 heading, with the part of it that concerns the question where one heading covers two.';
COMMENT ON COLUMN survey_questions.question_text IS 'The question, verbatim, where the report quotes it (footnote 5, Figure 7, Table 1); NULL when it only describes it.';
COMMENT ON COLUMN survey_questions.scale IS 'The answer scale as the report describes it (7.2.1, 7.3, 7.3.3), or the answer labels its figure or table prints (Figure 7, Table 1); NULL where it gives none.';
COMMENT ON COLUMN survey_questions.question_source IS 'Where the question text is printed (footnote 5 for Figure 6, Figure 7, Table 1).';
COMMENT ON COLUMN survey_questions.scale_source IS 'Where the scale is described or its labels printed (7.3 for the 1-5 scale of 7.3.1 and 7.3.2).';
COMMENT ON COLUMN survey_questions.theme_id IS 'PROJECT CODING: theme of the question.';
COMMENT ON COLUMN survey_questions.position IS 'PROJECT CODING: the order in which Annex 3 presents the questions (7.1 first). Not the questionnaire''s order, which the report does not give: it says the ease question came "at the end of the survey" and calls the regional one "the last question" (contradictions c-last-question).';
COMMENT ON COLUMN survey_questions.source IS 'The Annex 3 section presenting the question.';

CREATE TABLE survey_figures (
    figure_id    VARCHAR PRIMARY KEY CHECK (figure_id IN ('1a', '1b', '2', '3', '4', '5', '6', '7')),
    question_id  VARCHAR NOT NULL REFERENCES survey_questions (question_id),
    title        VARCHAR NOT NULL,
    n_text       VARCHAR NOT NULL,
    n_min        INTEGER NOT NULL CHECK (n_min > 0),
    n_max        INTEGER NOT NULL CHECK (n_max >= n_min),
    source       VARCHAR NOT NULL REFERENCES sources (source_id)
);
COMMENT ON TABLE survey_figures IS 'Figures 1a to 7 of Annex 3. The charts themselves were lost; titles and N survive.';
COMMENT ON COLUMN survey_figures.figure_id IS 'Figure number.';
COMMENT ON COLUMN survey_figures.question_id IS 'The question the figure reports.';
COMMENT ON COLUMN survey_figures.title IS 'Figure caption, verbatim.';
COMMENT ON COLUMN survey_figures.n_text IS 'N as printed, e.g. "N= 43/44 (depending on item)".';
COMMENT ON COLUMN survey_figures.n_min IS 'Smallest N printed.';
COMMENT ON COLUMN survey_figures.n_max IS 'Largest N printed.';
COMMENT ON COLUMN survey_figures.source IS 'The figure.';

CREATE TABLE survey_items (
    item_id     VARCHAR PRIMARY KEY,
    figure_id   VARCHAR NOT NULL REFERENCES survey_figures (figure_id),
    letter      VARCHAR NOT NULL CHECK (regexp_matches(letter, '^[a-h]$')),
    text        VARCHAR NOT NULL,
    theme_id    VARCHAR NOT NULL REFERENCES themes (theme_id),
    source      VARCHAR NOT NULL REFERENCES sources (source_id),
    UNIQUE (figure_id, letter)
);
COMMENT ON TABLE survey_items IS 'Every item (statement, driver, barrier, mechanism, measure) of Figures 1a to 7, with its full text.';
COMMENT ON COLUMN survey_items.item_id IS 'Item id: <figure>.<letter>, e.g. 1b.e.';
COMMENT ON COLUMN survey_items.figure_id IS 'The figure.';
COMMENT ON COLUMN survey_items.letter IS 'The item letter.';
COMMENT ON COLUMN survey_items.text IS 'The item text, verbatim (quotes and line-break hyphens removed).';
COMMENT ON COLUMN survey_items.theme_id IS 'PROJECT CODING: theme of the item.';
COMMENT ON COLUMN survey_items.source IS 'The figure.';

CREATE TABLE survey_results (
    result_id     VARCHAR PRIMARY KEY,
    item_id       VARCHAR NOT NULL REFERENCES survey_items (item_id),
    measure       VARCHAR NOT NULL CHECK (measure IN ('agree', 'fully_agree', 'important', 'more_important', 'less_important',
                                                      'useful', 'very_useful', 'high_priority', 'priority', 'priority_total',
                                                      'support', 'undecided', 'reject', 'undecided_or_reject',
                                                      'undecided_or_not_convinced', 'low_priority', 'yes', 'no')),
    value_pct     INTEGER CHECK (value_pct BETWEEN 0 AND 100),
    value_count   INTEGER CHECK (value_count >= 0),
    qualifier     VARCHAR NOT NULL CHECK (qualifier IN ('exact', 'almost', 'nearly', 'more than', 'about', 'about half', 'half',
                                                        'about two thirds', 'two thirds', 'almost all', 'vast majority',
                                                        'majority', 'most', 'largely', 'widely', 'broadly', 'broad agreement',
                                                        'several', 'only very few', 'none')),
    verdict       VARCHAR NOT NULL CHECK (verdict IN ('agreed', 'rejected', 'divided', 'important', 'more important',
                                                      'less important', 'useful', 'priority', 'mixed')),
    wording       VARCHAR NOT NULL,
    source        VARCHAR NOT NULL REFERENCES sources (source_id),
    contradiction_id VARCHAR REFERENCES contradictions (contradiction_id),
    CHECK (value_pct IS NOT NULL OR value_count IS NOT NULL OR qualifier NOT IN ('exact', 'almost', 'nearly', 'more than', 'about'))
);
COMMENT ON TABLE survey_results IS 'Every result the report''s prose gives for a survey item: the value with its qualifier, the measure, and a verdict. Items with no row here have no reported result.';
COMMENT ON COLUMN survey_results.result_id IS 'Row id: <item_id>-<measure>[-source].';
COMMENT ON COLUMN survey_results.item_id IS 'PROJECT CODING: the item the result is about. For summary sentences (3.3, 4.3.3, 7.4) that restate a result without naming the item, the project matched the sentence to the item.';
COMMENT ON COLUMN survey_results.measure IS 'PROJECT CODING: what the value measures, the report''s verb put into a small vocabulary: agree, fully_agree, important, useful, very_useful, high_priority, priority, priority_total (high + priority), support, undecided, reject, low_priority, yes, no, ...';
COMMENT ON COLUMN survey_results.value_pct IS 'Share of respondents in percent, the number printed in wording; NULL where the report gives only words.';
COMMENT ON COLUMN survey_results.value_count IS 'Number of respondents where printed (Figure 7).';
COMMENT ON COLUMN survey_results.qualifier IS 'The quantity word the report attaches to the result, in its own words (almost, nearly, more than, about, about half, half, about two thirds, two thirds, majority, vast majority, most, almost all, largely, widely, broadly, broad agreement, several, only very few). PROJECT CODING: exact marks a bare printed number, none a result with no number and no quantity word.';
COMMENT ON COLUMN survey_results.verdict IS 'PROJECT CODING: (the report''s words mapped to a small vocabulary): the result in words: agreed, rejected, divided, important, more important, less important, useful, priority, mixed. For Figure 7 every row carries the item''s outcome.';
COMMENT ON COLUMN survey_results.wording IS 'The report''s sentence, verbatim.';
COMMENT ON COLUMN survey_results.source IS 'The section whose prose gives the result.';
COMMENT ON COLUMN survey_results.contradiction_id IS 'The entry in contradictions that concerns this value, if any.';

CREATE TABLE survey_regions (
    region        VARCHAR PRIMARY KEY,
    position      INTEGER NOT NULL UNIQUE,
    respondents   INTEGER CHECK (respondents BETWEEN 0 AND 12),
    share_wording VARCHAR NOT NULL,
    count_derived BOOLEAN NOT NULL,
    source        VARCHAR NOT NULL REFERENCES sources (source_id)
);
COMMENT ON TABLE survey_regions IS 'Regions chosen by the 12 respondents who wanted a regional focus (Figure 7, section 7.3.4).';
COMMENT ON COLUMN survey_regions.region IS 'Region, in the report''s words.';
COMMENT ON COLUMN survey_regions.position IS 'Order of listing.';
COMMENT ON COLUMN survey_regions.respondents IS 'Respondents (of 12) recommending the region. PROJECT CODING where count_derived is true (computed from "50%").';
COMMENT ON COLUMN survey_regions.share_wording IS 'How the report states it, verbatim ("Two thirds of them (8)", "50%").';
COMMENT ON COLUMN survey_regions.count_derived IS 'True when respondents is computed from a share (50% of 12 = 6), not printed.';
COMMENT ON COLUMN survey_regions.source IS 'Where stated.';

CREATE TABLE survey_comments (
    comment_id   VARCHAR PRIMARY KEY,
    question_id  VARCHAR NOT NULL REFERENCES survey_questions (question_id),
    position     INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    theme_id     VARCHAR NOT NULL REFERENCES themes (theme_id),
    source       VARCHAR NOT NULL REFERENCES sources (source_id),
    UNIQUE (question_id, position)
);
COMMENT ON TABLE survey_comments IS 'Every respondent comment quoted in Annex 3, with the question it belongs to.';
COMMENT ON COLUMN survey_comments.comment_id IS 'Row id.';
COMMENT ON COLUMN survey_comments.question_id IS 'The question the comment was given on.';
COMMENT ON COLUMN survey_comments.position IS 'Order in the report''s list.';
COMMENT ON COLUMN survey_comments.text IS 'The comment, verbatim (outer quotes removed, the report''s ellipses kept).';
COMMENT ON COLUMN survey_comments.theme_id IS 'PROJECT CODING: theme of the comment.';
COMMENT ON COLUMN survey_comments.source IS 'The Annex 3 section.';

CREATE TABLE study_vs_experts (
    comparison_id     VARCHAR PRIMARY KEY,
    position          INTEGER NOT NULL UNIQUE,
    topic             VARCHAR NOT NULL,
    study_statement   VARCHAR NOT NULL,
    study_source      VARCHAR NOT NULL REFERENCES sources (source_id),
    expert_statement  VARCHAR NOT NULL,
    expert_source     VARCHAR NOT NULL REFERENCES sources (source_id),
    item_id           VARCHAR REFERENCES survey_items (item_id),
    outcome           VARCHAR NOT NULL CHECK (outcome IN ('confirmed', 'qualified', 'diverged')),
    outcome_wording   VARCHAR,
    coding            VARCHAR NOT NULL CHECK (coding IN ('stated', 'project')),
    coding_rationale  VARCHAR,
    CHECK (coding = 'stated' OR coding_rationale IS NOT NULL),
    CHECK ((coding = 'stated') = (outcome_wording IS NOT NULL))
);
COMMENT ON TABLE study_vs_experts IS 'Where the experts (survey and workshop) confirmed, qualified or diverged from the study''s findings, each side in the report''s words.';
COMMENT ON COLUMN study_vs_experts.comparison_id IS 'Row id.';
COMMENT ON COLUMN study_vs_experts.position IS 'Order of presentation (the order of topics in the report, by the study side).';
COMMENT ON COLUMN study_vs_experts.topic IS 'PROJECT CODING: what is compared, in a label written by the project.';
COMMENT ON COLUMN study_vs_experts.study_statement IS 'The study''s finding or recommendation, verbatim.';
COMMENT ON COLUMN study_vs_experts.study_source IS 'Where the study''s side is printed.';
COMMENT ON COLUMN study_vs_experts.expert_statement IS 'What the experts said, verbatim.';
COMMENT ON COLUMN study_vs_experts.expert_source IS 'Where the experts'' side is printed.';
COMMENT ON COLUMN study_vs_experts.item_id IS 'PROJECT CODING: the survey item the project matches to the finding, when a survey item tested it.';
COMMENT ON COLUMN study_vs_experts.outcome IS 'PROJECT CODING for project-paired rows: confirmed, qualified (confirmed in part or "to some extent", or divided) or diverged.';
COMMENT ON COLUMN study_vs_experts.outcome_wording IS 'The report''s own words for the outcome, verbatim ("confirmed", "slightly different"), when it states it.';
COMMENT ON COLUMN study_vs_experts.coding IS 'stated: the report itself compares the two sides; project: the project paired them (see coding_rationale).';
COMMENT ON COLUMN study_vs_experts.coding_rationale IS 'PROJECT CODING: why the two sides were paired, when coding = project.';

-- ---------------------------------------------------------------- policy (sections 2, 4)

CREATE TABLE policy_domains (
    domain_id      VARCHAR PRIMARY KEY CHECK (domain_id IN ('knowledge', 'contacts', 'culture', 'policy')),
    label          VARCHAR NOT NULL,
    challenge      VARCHAR NOT NULL,
    position       INTEGER NOT NULL UNIQUE,
    source         VARCHAR NOT NULL REFERENCES sources (source_id)
);
COMMENT ON TABLE policy_domains IS 'The four domains of the policy implications (section 4.2), each with the principal challenge of section 2 it answers.';
COMMENT ON COLUMN policy_domains.domain_id IS 'Domain id.';
COMMENT ON COLUMN policy_domains.label IS 'The domain as section 4.2 names it ("improving knowledge").';
COMMENT ON COLUMN policy_domains.challenge IS 'PROJECT CODING: the principal challenge of section 2 the project pairs with this domain, in the report''s words.';
COMMENT ON COLUMN policy_domains.position IS 'Order in the report.';
COMMENT ON COLUMN policy_domains.source IS 'Section 4.2.';

CREATE TABLE policy_implications (
    implication_id VARCHAR PRIMARY KEY,
    domain_id      VARCHAR NOT NULL REFERENCES policy_domains (domain_id),
    position       INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    theme_id       VARCHAR NOT NULL REFERENCES themes (theme_id),
    source         VARCHAR NOT NULL REFERENCES sources (source_id),
    UNIQUE (domain_id, position)
);
COMMENT ON TABLE policy_implications IS 'The study''s policy implications for the design of support schemes, by domain (section 4.2).';
COMMENT ON COLUMN policy_implications.implication_id IS 'Row id: <domain>-<n>.';
COMMENT ON COLUMN policy_implications.domain_id IS 'Domain.';
COMMENT ON COLUMN policy_implications.position IS 'Order within the domain.';
COMMENT ON COLUMN policy_implications.text IS 'The implication, verbatim.';
COMMENT ON COLUMN policy_implications.theme_id IS 'PROJECT CODING: theme.';
COMMENT ON COLUMN policy_implications.source IS 'Section 4.2.';

CREATE TABLE swot_items (
    swot_id    VARCHAR PRIMARY KEY,
    quadrant   VARCHAR NOT NULL CHECK (quadrant IN ('strength', 'weakness', 'opportunity', 'threat')),
    position   INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    theme_id   VARCHAR NOT NULL REFERENCES themes (theme_id),
    source     VARCHAR NOT NULL REFERENCES sources (source_id),
    UNIQUE (quadrant, position)
);
COMMENT ON TABLE swot_items IS 'The SWOT of the EU policy portfolio (section 4.2), every item.';
COMMENT ON COLUMN swot_items.swot_id IS 'Row id: S1.., W1.., O1.., T1...';
COMMENT ON COLUMN swot_items.quadrant IS 'strength, weakness, opportunity or threat.';
COMMENT ON COLUMN swot_items.position IS 'Order within the quadrant.';
COMMENT ON COLUMN swot_items.text IS 'The item, verbatim.';
COMMENT ON COLUMN swot_items.theme_id IS 'PROJECT CODING: theme.';
COMMENT ON COLUMN swot_items.source IS 'Section 4.2.';

CREATE TABLE routes (
    route_id     VARCHAR PRIMARY KEY CHECK (route_id IN ('I', 'II', 'III')),
    from_process VARCHAR NOT NULL REFERENCES business_processes (process_id),
    summary      VARCHAR NOT NULL,
    text         VARCHAR NOT NULL,
    viability    VARCHAR NOT NULL CHECK (viability IN ('exceptional', 'hard', 'most viable')),
    source       VARCHAR NOT NULL REFERENCES sources (source_id)
);
COMMENT ON TABLE routes IS 'The three routes through which SMEs can move RDI from home to abroad (section 4.2).';
COMMENT ON COLUMN routes.route_id IS 'Roman numeral as in the report.';
COMMENT ON COLUMN routes.from_process IS 'PROJECT CODING: the business process (business_processes) the project reads the route as starting from: export for route I ("exporting products"), production for II ("manufacturing abroad"), R&D for III.';
COMMENT ON COLUMN routes.summary IS 'PROJECT CODING: a short label written by the project.';
COMMENT ON COLUMN routes.text IS 'The report''s text, verbatim.';
COMMENT ON COLUMN routes.viability IS 'PROJECT CODING: the report''s assessment in three words: exceptional ("only exceptionally found"), hard ("much harder than is often thought"), most viable ("the most viable way").';
COMMENT ON COLUMN routes.source IS 'Section 4.2.';

CREATE TABLE challenges (
    challenge_id  VARCHAR PRIMARY KEY,
    challenge_set VARCHAR NOT NULL CHECK (challenge_set IN ('principal', 'groups', 'discussant_barriers')),
    position      INTEGER NOT NULL,
    label         VARCHAR NOT NULL,
    description   VARCHAR,
    domain_id     VARCHAR REFERENCES policy_domains (domain_id),
    source        VARCHAR NOT NULL REFERENCES sources (source_id),
    UNIQUE (challenge_set, position)
);
COMMENT ON TABLE challenges IS 'Challenges named by the report: the four principal challenges (section 2), the four groups of challenges (section 2) and the barriers named by a discussant (section 4.3.2).';
COMMENT ON COLUMN challenges.challenge_id IS 'Row id.';
COMMENT ON COLUMN challenges.challenge_set IS 'principal (the four principal challenges), groups (cultural, geographical, governmental, business-related), discussant_barriers (D. Golding''s list).';
COMMENT ON COLUMN challenges.position IS 'Order within the set.';
COMMENT ON COLUMN challenges.label IS 'The challenge, in the report''s words.';
COMMENT ON COLUMN challenges.description IS 'The report''s elaboration, in the report''s words, where given.';
COMMENT ON COLUMN challenges.domain_id IS 'PROJECT CODING: the policy implication domain the project pairs with the challenge (principal set only).';
COMMENT ON COLUMN challenges.source IS 'Where the challenge is named.';

CREATE TABLE instruments (
    instrument_id  VARCHAR PRIMARY KEY,
    name           VARCHAR NOT NULL,
    name_variants  VARCHAR,
    level          VARCHAR CHECK (level IN ('EU', 'national', 'regional', 'network', 'international')),
    kind           VARCHAR NOT NULL CHECK (kind IN ('programme', 'programme part', 'instrument', 'financing', 'network',
                                                   'project', 'initiative', 'event', 'publication', 'agency', 'mechanism')),
    parent_id      VARCHAR REFERENCES instruments (instrument_id),
    targets        VARCHAR,
    process_id     VARCHAR REFERENCES business_processes (process_id),
    description    VARCHAR NOT NULL,
    status         VARCHAR NOT NULL CHECK (status IN ('existing', 'planned', 'former', 'suggested')),
    source         VARCHAR NOT NULL REFERENCES sources (source_id)
);
COMMENT ON TABLE instruments IS 'Every programme, instrument, network, initiative and support mechanism the report names.';
COMMENT ON COLUMN instruments.instrument_id IS 'Row id.';
COMMENT ON COLUMN instruments.name IS 'Name as the report writes it.';
COMMENT ON COLUMN instruments.name_variants IS 'Other spellings or abbreviations in the report ("; "-separated).';
COMMENT ON COLUMN instruments.level IS 'PROJECT CODING: EU, national, regional, network or international: stated by the report for named programmes, the project''s reading for generic mechanisms (coding_notes); NULL where the report places a mechanism at no level.';
COMMENT ON COLUMN instruments.kind IS 'PROJECT CODING: programme, programme part, instrument, financing, network, project, initiative, event, publication, agency, mechanism.';
COMMENT ON COLUMN instruments.parent_id IS 'PROJECT CODING: the programme it belongs to (e.g. the SME Instrument under Horizon 2020); stated by the report for most rows, inferred by the project for some (coding_notes).';
COMMENT ON COLUMN instruments.targets IS 'What it targets, in the report''s words; several targets are joined by " | ".';
COMMENT ON COLUMN instruments.process_id IS 'PROJECT CODING: the WHAT business process it mainly targets, NULL when it cannot be told.';
COMMENT ON COLUMN instruments.description IS 'What the report says about it, in the report''s words (passages of the cited section, omissions marked "...").';
COMMENT ON COLUMN instruments.status IS 'PROJECT CODING: existing, planned (the 2017 forum), former (Exporters'' clubs), suggested (proposed at the workshop or in the survey): the project''s reading of how the report introduces it.';
COMMENT ON COLUMN instruments.source IS 'Where it is first described.';

CREATE TABLE instrument_figures (
    figure_id      VARCHAR PRIMARY KEY,
    instrument_id  VARCHAR NOT NULL REFERENCES instruments (instrument_id),
    measure        VARCHAR NOT NULL CHECK (measure IN ('budget_eur', 'share_pct', 'members', 'partners', 'countries', 'languages', 'year', 'year_from', 'year_to')),
    value          DOUBLE NOT NULL,
    qualifier      VARCHAR NOT NULL CHECK (qualifier IN ('exact', 'about', 'around', 'expected', 'indicative')),
    wording        VARCHAR NOT NULL,
    source         VARCHAR NOT NULL REFERENCES sources (source_id)
);
COMMENT ON TABLE instrument_figures IS 'Every figure the report attaches to an instrument: budgets, shares, member counts, years.';
COMMENT ON COLUMN instrument_figures.figure_id IS 'Row id.';
COMMENT ON COLUMN instrument_figures.instrument_id IS 'The instrument.';
COMMENT ON COLUMN instrument_figures.measure IS 'PROJECT CODING: budget_eur, share_pct, members, partners, countries, languages, year, year_from, year_to.';
COMMENT ON COLUMN instrument_figures.value IS 'The number (EUR for budgets).';
COMMENT ON COLUMN instrument_figures.qualifier IS 'The report''s own word for the number (about, around, expected, indicative). PROJECT CODING: exact marks a bare printed number.';
COMMENT ON COLUMN instrument_figures.wording IS 'The report''s phrase, verbatim.';
COMMENT ON COLUMN instrument_figures.source IS 'Where the figure is given.';

CREATE TABLE key_figures (
    key_figure_id VARCHAR PRIMARY KEY,
    label         VARCHAR NOT NULL,
    value         DOUBLE NOT NULL,
    value_max     DOUBLE,
    unit          VARCHAR NOT NULL CHECK (unit IN ('percent', 'people', 'count', 'year', 'date', 'months')),
    qualifier     VARCHAR NOT NULL CHECK (qualifier IN ('exact', 'about', 'approximately', 'at least', 'less than', 'expected', 'only', 'range')),
    wording       VARCHAR NOT NULL,
    source        VARCHAR NOT NULL REFERENCES sources (source_id),
    CHECK (value_max IS NULL OR value_max >= value)
);
COMMENT ON TABLE key_figures IS 'Every other number in the report: shares of SMEs importing, exporting, with an R&D partner abroad; world GDP share by 2030; attendance; response rate; dates.';
COMMENT ON COLUMN key_figures.key_figure_id IS 'Row id.';
COMMENT ON COLUMN key_figures.label IS 'PROJECT CODING: what the number measures, in a label written by the project.';
COMMENT ON COLUMN key_figures.value IS 'The number (lower bound for a range).';
COMMENT ON COLUMN key_figures.value_max IS 'Upper bound for a range (response rate 5-10%), else NULL.';
COMMENT ON COLUMN key_figures.unit IS 'percent, people, count, year, date (yyyymmdd), months.';
COMMENT ON COLUMN key_figures.qualifier IS 'The report''s own word for the number (about, approximately, at least, less than, expected, only). PROJECT CODING: exact marks a bare printed number, range a printed range.';
COMMENT ON COLUMN key_figures.wording IS 'The report''s phrase, verbatim.';
COMMENT ON COLUMN key_figures.source IS 'Where the number is given.';

CREATE TABLE policy_links (
    link_id      VARCHAR PRIMARY KEY,
    entity_kind  VARCHAR NOT NULL CHECK (entity_kind IN ('swot', 'implication', 'instrument')),
    entity_id    VARCHAR NOT NULL,
    type_id      VARCHAR REFERENCES internationalisation_types (type_id),
    process_id   VARCHAR REFERENCES business_processes (process_id),
    rationale    VARCHAR NOT NULL,
    UNIQUE (entity_kind, entity_id, type_id, process_id)
);
COMMENT ON TABLE policy_links IS 'PROJECT CODING: which cells of the WHAT/HOW matrix a SWOT item, a policy implication or an instrument speaks to. NULL type or process = the whole column or row; both NULL = the whole portfolio. The report states none of these links cell by cell.';
COMMENT ON COLUMN policy_links.link_id IS 'Row id.';
COMMENT ON COLUMN policy_links.entity_kind IS 'swot, implication or instrument.';
COMMENT ON COLUMN policy_links.entity_id IS 'swot_items.swot_id, policy_implications.implication_id or instruments.instrument_id (checked by a test).';
COMMENT ON COLUMN policy_links.type_id IS 'PROJECT CODING: the HOW row it concerns, NULL for every row.';
COMMENT ON COLUMN policy_links.process_id IS 'PROJECT CODING: the WHAT column it concerns, NULL for every column.';
COMMENT ON COLUMN policy_links.rationale IS 'PROJECT CODING: the words of the item that support the link.';

-- ---------------------------------------------------------------- the workshop (sections 3, 4, Annexes 1, 2)

CREATE TABLE participants (
    participant_id  VARCHAR PRIMARY KEY,
    family_name     VARCHAR NOT NULL,
    given_name      VARCHAR NOT NULL,
    organisation    VARCHAR NOT NULL,
    country_label   VARCHAR NOT NULL,
    country_iso2    VARCHAR REFERENCES countries (iso2),
    org_type        VARCHAR NOT NULL CHECK (org_type IN ('EU institution', 'national agency', 'regional government', 'network or association',
                                                         'university or research', 'consultancy', 'SME')),
    workshop_role   VARCHAR NOT NULL CHECK (workshop_role IN ('chair', 'speaker', 'discussant', 'participant')),
    position        INTEGER NOT NULL UNIQUE,
    source          VARCHAR NOT NULL REFERENCES sources (source_id)
);
COMMENT ON TABLE participants IS 'The workshop participants as listed in Annex 2 (33 names).';
COMMENT ON COLUMN participants.participant_id IS 'Row id (family name, snake_case).';
COMMENT ON COLUMN participants.family_name IS 'Family name as printed.';
COMMENT ON COLUMN participants.given_name IS 'Given name as printed.';
COMMENT ON COLUMN participants.organisation IS 'Organisation as printed.';
COMMENT ON COLUMN participants.country_label IS 'Country as printed ("EU", "Germany / Den.").';
COMMENT ON COLUMN participants.country_iso2 IS 'ISO code of the (first) country; NULL when the list says "EU".';
COMMENT ON COLUMN participants.org_type IS 'PROJECT CODING: kind of organisation.';
COMMENT ON COLUMN participants.workshop_role IS 'PROJECT CODING: role at the workshop from the agenda and sections 3-4: chair, speaker, discussant, participant.';
COMMENT ON COLUMN participants.position IS 'Order in Annex 2.';
COMMENT ON COLUMN participants.source IS 'Annex 2.';

CREATE TABLE agenda (
    slot_id      VARCHAR PRIMARY KEY,
    part         VARCHAR NOT NULL CHECK (part IN ('opening', 'I', 'II', 'closing')),
    start_time   TIME NOT NULL,
    end_time     TIME NOT NULL,
    title        VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL CHECK (kind IN ('break', 'welcome', 'presentation', 'case study', 'discussion', 'end')),
    report_section VARCHAR REFERENCES sources (source_id),
    source       VARCHAR NOT NULL REFERENCES sources (source_id),
    CHECK (end_time >= start_time)
);
COMMENT ON TABLE agenda IS 'The workshop agenda (Annex 1), one row per item. Items printed without a time share the slot time of the item before them; end_time is the next printed time.';
COMMENT ON COLUMN agenda.slot_id IS 'Row id.';
COMMENT ON COLUMN agenda.part IS 'PROJECT CODING: opening, I (morning, current practices), II (afternoon, policies), closing: the project''s grouping of the items around the agenda''s Part I and Part II headings.';
COMMENT ON COLUMN agenda.start_time IS 'Start time printed in Annex 1 (or that of the enclosing slot for items printed without one).';
COMMENT ON COLUMN agenda.end_time IS 'PROJECT CODING: the next printed time (derived from the agenda''s order).';
COMMENT ON COLUMN agenda.title IS 'Item title, verbatim.';
COMMENT ON COLUMN agenda.kind IS 'PROJECT CODING: break, welcome, presentation, case study, discussion, end: the project''s classification of the item.';
COMMENT ON COLUMN agenda.report_section IS 'PROJECT CODING: the section of the report the project matches to the item (the agenda itself names no sections), if any.';
COMMENT ON COLUMN agenda.source IS 'Annex 1.';

CREATE TABLE agenda_speakers (
    slot_id         VARCHAR NOT NULL REFERENCES agenda (slot_id),
    participant_id  VARCHAR NOT NULL REFERENCES participants (participant_id),
    role_text       VARCHAR NOT NULL,
    source          VARCHAR NOT NULL REFERENCES sources (source_id),
    PRIMARY KEY (slot_id, participant_id)
);
COMMENT ON TABLE agenda_speakers IS 'Speakers of each agenda item, with the role the agenda prints.';
COMMENT ON COLUMN agenda_speakers.slot_id IS 'Agenda item.';
COMMENT ON COLUMN agenda_speakers.participant_id IS 'Speaker.';
COMMENT ON COLUMN agenda_speakers.role_text IS 'Title and organisation as the agenda prints them.';
COMMENT ON COLUMN agenda_speakers.source IS 'Annex 1.';

CREATE TABLE statements (
    statement_id    VARCHAR PRIMARY KEY,
    participant_id  VARCHAR REFERENCES participants (participant_id),
    speaker_label   VARCHAR NOT NULL,
    organisation    VARCHAR,
    kind            VARCHAR NOT NULL CHECK (kind IN ('finding', 'recommendation', 'observation', 'question')),
    theme_id        VARCHAR NOT NULL REFERENCES themes (theme_id),
    paraphrase      VARCHAR NOT NULL,
    quote           VARCHAR,
    position        INTEGER NOT NULL UNIQUE,
    source          VARCHAR NOT NULL REFERENCES sources (source_id)
);
COMMENT ON TABLE statements IS 'Who said what in sections 2 to 4: one row per statement, with a faithful one-sentence paraphrase.';
COMMENT ON COLUMN statements.statement_id IS 'Row id.';
COMMENT ON COLUMN statements.participant_id IS 'The speaker when a named participant, else NULL (e.g. "several experts").';
COMMENT ON COLUMN statements.speaker_label IS 'Who said it, as the report puts it ("Several experts", "The study authors", "Christin Pfeiffer").';
COMMENT ON COLUMN statements.organisation IS 'The speaker''s organisation, where one applies.';
COMMENT ON COLUMN statements.kind IS 'PROJECT CODING: finding, recommendation, observation or question.';
COMMENT ON COLUMN statements.theme_id IS 'PROJECT CODING: theme.';
COMMENT ON COLUMN statements.paraphrase IS 'PROJECT CODING: a faithful one-sentence paraphrase of what the report says was said.';
COMMENT ON COLUMN statements.quote IS 'Words the report puts in quotation marks, verbatim, where any; several quoted phrases are joined by " | ".';
COMMENT ON COLUMN statements.position IS 'Order of appearance in the report.';
COMMENT ON COLUMN statements.source IS 'The section.';

-- ---------------------------------------------------------------- everything else the report says

CREATE TABLE report_passages (
    passage_id  VARCHAR PRIMARY KEY,
    position    INTEGER NOT NULL UNIQUE,
    kind        VARCHAR NOT NULL CHECK (kind IN ('context', 'attribution', 'definition', 'objective', 'method',
                                                 'caveat', 'finding', 'interpretation', 'profile', 'summary')),
    topic       VARCHAR NOT NULL,
    text        VARCHAR NOT NULL,
    case_id     VARCHAR REFERENCES cases (case_id),
    item_id     VARCHAR REFERENCES survey_items (item_id),
    source      VARCHAR NOT NULL REFERENCES sources (source_id)
);
COMMENT ON TABLE report_passages IS 'The report''s own sentences that carry a fact, a definition, a caveat or an attribution and fit no other table: section 1 (definition, objectives, methods, goals), footnotes 2-4, the LifeTec profile, the survey''s method and caveats, the report''s reading of its survey items, the back cover.';
COMMENT ON COLUMN report_passages.passage_id IS 'Row id: p-<position>.';
COMMENT ON COLUMN report_passages.position IS 'Order of appearance in the report.';
COMMENT ON COLUMN report_passages.kind IS 'PROJECT CODING: context, attribution, definition, objective, method, caveat, finding, interpretation (the report''s reading of a survey result), profile (of a case), summary.';
COMMENT ON COLUMN report_passages.topic IS 'PROJECT CODING: what the passage is about, in a label written by the project.';
COMMENT ON COLUMN report_passages.text IS 'The passage, verbatim (omissions marked "...").';
COMMENT ON COLUMN report_passages.case_id IS 'The case the passage is about, where it names one.';
COMMENT ON COLUMN report_passages.item_id IS 'PROJECT CODING: the survey item whose result or wording the passage discusses, where the project can tell.';
COMMENT ON COLUMN report_passages.source IS 'Where the passage is printed.';
