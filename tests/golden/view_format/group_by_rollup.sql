 SELECT orders.status,
    date_trunc('month'::text, orders.created_at) AS month,
    count(*) AS n
   FROM orders
  GROUP BY ROLLUP(orders.status, (date_trunc('month'::text, orders.created_at)));