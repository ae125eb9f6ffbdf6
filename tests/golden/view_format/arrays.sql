 SELECT users.id,
    users.tags[1] AS first_tag,
    users.tags[2:3] AS some_tags,
    array_length(users.tags, 1) AS n,
    ('x'::text = ANY (users.tags)) AS has_x,
    ARRAY['a'::text, 'b'::text] AS ab
   FROM users;