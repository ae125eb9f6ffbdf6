 SELECT u.id,
    ( SELECT count(*) AS count
           FROM orders o
          WHERE (o.user_id = u.id)) AS order_count
   FROM users u;