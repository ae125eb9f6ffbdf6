 SELECT orders.id,
    avg(orders.amount) OVER (ORDER BY orders.created_at ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS moving_avg
   FROM orders;