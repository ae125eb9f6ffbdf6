 SELECT orders.user_id,
    count(*) FILTER (WHERE (orders.status = 'paid'::text)) AS paid,
    sum(orders.amount) FILTER (WHERE (orders.status <> 'paid'::text)) AS unpaid,
    count(DISTINCT orders.status) AS statuses,
    string_agg(orders.note, ', '::text ORDER BY orders.created_at) AS notes,
    array_agg(orders.id ORDER BY orders.id DESC) AS ids
   FROM orders
  GROUP BY orders.user_id;