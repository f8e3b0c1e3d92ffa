-- An agency's periodic report follows the usual administrative template (issue 16, item 8):
-- content stays "Kết quả đạt được" (drafted from the progress recorded in the period); the other
-- sections are typed by the agency and carried into the compiled quarterly report.
ALTER TABLE period_reports
    ADD COLUMN shortcomings text NOT NULL DEFAULT '',
    ADD COLUMN causes text NOT NULL DEFAULT '',
    ADD COLUMN directions text NOT NULL DEFAULT '',
    ADD COLUMN proposals text NOT NULL DEFAULT '';
