 SELECT 1 AS one,
    now() AS t,
    ARRAY[1, 2] AS arr,
    '{}'::jsonb AS j,
    NULL::point AS p;