SELECT
  i.id,
  t.label
FROM
  (
    "Item" i
    JOIN other."Thing" t USING (id)
  );