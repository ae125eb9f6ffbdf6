 SELECT p."Name",
    p.price,
    p.category
   FROM "Products" p
  WHERE (p."Name" <> 'x'::text)
  ORDER BY p."Name";