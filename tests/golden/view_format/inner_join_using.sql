 SELECT ol.order_id,
    ol.quantity,
    o.amount
   FROM ((order_lines ol
     JOIN orders o ON ((o.id = ol.order_id)))
     JOIN "Products" p ON ((p.id = ol.product_id)));