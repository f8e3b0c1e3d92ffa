-- Task codes sort naturally (2#2 before 2#10, I.9 before I.10) wherever a list sorts by code:
-- an ICU collation with numeric ordering, used in ORDER BY (TaskCodeOrder.Collation). The column
-- keeps its default collation, so equality and the unique (plan_id, code) index are unchanged.
CREATE COLLATION IF NOT EXISTS natural_sort (provider = icu, locale = 'und-u-kn-true');
