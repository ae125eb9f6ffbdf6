 SELECT DISTINCT orders.status
   FROM orders;