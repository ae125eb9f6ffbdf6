 SELECT order_lines.order_id,
    order_lines.quantity
   FROM (order_lines
     JOIN ( SELECT orders.id AS order_id,
            orders.amount
           FROM orders) x USING (order_id));