 SELECT u.id,
    l.amount
   FROM (users u
     CROSS JOIN LATERAL ( SELECT o.amount
           FROM orders o
          WHERE (o.user_id = u.id)
          ORDER BY o.amount DESC
         LIMIT 1) l);