 SELECT orders.user_id,
    sum(orders.amount) AS total,
    avg(orders.amount) AS mean
   FROM orders
  GROUP BY orders.user_id
 HAVING (sum(orders.amount) > (10)::numeric)
  ORDER BY (sum(orders.amount)) DESC, orders.user_id;