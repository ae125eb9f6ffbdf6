 SELECT u.id,
    x.n
   FROM (users u
     LEFT JOIN LATERAL ( SELECT count(*) AS n
           FROM orders o
          WHERE (o.user_id = u.id)) x ON (true));