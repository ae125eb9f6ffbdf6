 SELECT orders.status,
    orders.user_id,
    sum(orders.amount) AS total
   FROM orders
  GROUP BY GROUPING SETS ((orders.status), (orders.user_id), ());