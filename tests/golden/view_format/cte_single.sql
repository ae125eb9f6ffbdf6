 WITH big AS (
         SELECT orders.id,
            orders.user_id,
            orders.amount,
            orders.created_at,
            orders.note,
            orders.status,
            orders.items
           FROM orders
          WHERE (orders.amount > (1000)::numeric)
        )
 SELECT big.user_id,
    count(*) AS n
   FROM big
  GROUP BY big.user_id;