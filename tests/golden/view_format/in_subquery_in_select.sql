 SELECT u.id,
    (u.id IN ( SELECT orders.user_id
           FROM orders)) AS has_orders,
    ( SELECT max(orders.amount) AS max
           FROM orders
          WHERE (orders.user_id = u.id)) AS biggest
   FROM users u;