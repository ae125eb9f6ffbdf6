 SELECT DISTINCT ON (orders.user_id) orders.user_id,
    orders.id,
    orders.created_at
   FROM orders
  ORDER BY orders.user_id, orders.created_at DESC;