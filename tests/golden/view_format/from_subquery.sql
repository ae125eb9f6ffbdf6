 SELECT s.user_id,
    s.total
   FROM ( SELECT orders.user_id,
            sum(orders.amount) AS total
           FROM orders
          GROUP BY orders.user_id) s
  WHERE (s.total > (100)::numeric);