-- Views in two schemas of `schemas = [...]`: @@schema on each view block, one name used in
-- both schemas, the views' SQL under views/<schema>/.
CREATE SCHEMA other;
CREATE TABLE public."Item" (id int PRIMARY KEY, name text);
CREATE TABLE other."Thing" (id int PRIMARY KEY, label text);
CREATE VIEW public."ItemNames" AS SELECT name FROM public."Item";
CREATE VIEW other."ThingLabels" AS SELECT label, id FROM other."Thing" WHERE id > 0;
CREATE VIEW public."Both" AS SELECT i.id, t.label FROM public."Item" i JOIN other."Thing" t USING (id);
CREATE VIEW other."ItemNames" AS SELECT label AS name FROM other."Thing";
