 SELECT orders.id,
    orders.user_id,
    row_number() OVER (PARTITION BY orders.user_id ORDER BY orders.created_at DESC) AS rn,
    sum(orders.amount) OVER (PARTITION BY orders.user_id) AS user_total,
    lag(orders.amount, 1) OVER w AS prev
   FROM orders
  WINDOW w AS (ORDER BY orders.id);