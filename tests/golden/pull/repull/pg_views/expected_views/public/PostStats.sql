SELECT
  u.id AS "userId",
  count(p.id) AS posts,
  max(p.title) AS last_title
FROM
  (
    "User" u
    LEFT JOIN "Post" p ON ((p."authorId" = u.id))
  )
GROUP BY
  u.id;