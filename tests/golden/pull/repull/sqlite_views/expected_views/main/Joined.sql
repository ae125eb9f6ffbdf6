SELECT
  u.id,
  count(*)
FROM
  "User" u
  JOIN "User" v ON v.id <> u.id
GROUP BY
  u.id
ORDER BY
  u.id;