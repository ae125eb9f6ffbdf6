 SELECT o.id,
    o.name,
    o.start_time,
    o.end_time,
    o.parent_observation_id,
    o.type,
    o.trace_id,
    o.metadata,
    o.model,
    o."modelParameters",
    o.input,
    o.output,
    o.level,
    o.status_message,
    o.completion_start_time,
    o.completion_tokens,
    o.prompt_tokens,
    o.total_tokens,
    o.version,
    o.project_id,
    o.created_at,
    o.updated_at,
    o.unit,
    o.prompt_id,
    o.input_cost,
    o.output_cost,
    o.total_cost,
    o.internal_model,
    m.id AS model_id,
    m.start_date AS model_start_date,
    m.input_price,
    m.output_price,
    m.total_price,
    m.tokenizer_config,
        CASE
            WHEN ((o.calculated_input_cost IS NULL) AND (o.input_cost IS NULL) AND (o.output_cost IS NULL) AND (o.total_cost IS NULL)) THEN ((o.prompt_tokens)::numeric * m.input_price)
            ELSE COALESCE(o.calculated_input_cost, o.input_cost)
        END AS calculated_input_cost,
        CASE
            WHEN ((o.calculated_output_cost IS NULL) AND (o.input_cost IS NULL) AND (o.output_cost IS NULL) AND (o.total_cost IS NULL)) THEN ((o.completion_tokens)::numeric * m.output_price)
            ELSE COALESCE(o.calculated_output_cost, o.output_cost)
        END AS calculated_output_cost,
        CASE
            WHEN ((o.calculated_total_cost IS NULL) AND (o.input_cost IS NULL) AND (o.output_cost IS NULL) AND (o.total_cost IS NULL)) THEN
            CASE
                WHEN ((m.total_price IS NOT NULL) AND (o.total_tokens IS NOT NULL)) THEN (m.total_price * (o.total_tokens)::numeric)
                ELSE (((o.prompt_tokens)::numeric * m.input_price) + ((o.completion_tokens)::numeric * m.output_price))
            END
            ELSE COALESCE(o.calculated_total_cost, o.total_cost)
        END AS calculated_total_cost,
        CASE
            WHEN (o.end_time IS NULL) THEN NULL::double precision
            ELSE ((EXTRACT(epoch FROM o.end_time) - EXTRACT(epoch FROM o.start_time)))::double precision
        END AS latency,
        CASE
            WHEN ((o.completion_start_time IS NOT NULL) AND (o.start_time IS NOT NULL)) THEN (EXTRACT(epoch FROM (o.completion_start_time - o.start_time)))::double precision
            ELSE NULL::double precision
        END AS time_to_first_token
   FROM (observations o
     LEFT JOIN LATERAL ( SELECT models.id,
            models.created_at,
            models.updated_at,
            models.project_id,
            models.model_name,
            models.match_pattern,
            models.start_date,
            models.input_price,
            models.output_price,
            models.total_price,
            models.unit,
            models.tokenizer_config,
            models.tokenizer_id
           FROM models
          WHERE (((models.project_id = o.project_id) OR (models.project_id IS NULL)) AND (models.model_name = o.internal_model) AND ((models.start_date < o.start_time) OR (models.start_date IS NULL)) AND (o.unit = models.unit))
          ORDER BY models.project_id, models.start_date DESC NULLS LAST
         LIMIT 1) m ON (true));