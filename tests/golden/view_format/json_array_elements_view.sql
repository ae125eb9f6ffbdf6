 SELECT o.id,
    (e.value ->> 'sku'::text) AS sku,
    ((e.value ->> 'qty'::text))::integer AS qty
   FROM orders o,
    LATERAL jsonb_array_elements(o.items) e(value);