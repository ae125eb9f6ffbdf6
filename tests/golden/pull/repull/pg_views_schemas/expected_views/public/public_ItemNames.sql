SELECT
  "Item".name
FROM
  "Item";