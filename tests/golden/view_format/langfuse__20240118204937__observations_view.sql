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
            WHEN ((o.input_cost IS NULL) AND (o.output_cost IS NULL) AND (o.total_cost IS NULL)) THEN ((o.prompt_tokens)::numeric * m.input_price)
            ELSE o.input_cost
        END AS calculated_input_cost,
        CASE
            WHEN ((o.input_cost IS NULL) AND (o.output_cost IS NULL) AND (o.total_cost IS NULL)) THEN ((o.completion_tokens)::numeric * m.output_price)
            ELSE o.output_cost
        END AS calculated_output_cost,
        CASE
            WHEN ((o.input_cost IS NULL) AND (o.output_cost IS NULL) AND (o.total_cost IS NULL)) THEN
            CASE
                WHEN ((m.total_price IS NOT NULL) AND (o.total_tokens IS NOT NULL)) THEN (m.total_price * (o.total_tokens)::numeric)
                ELSE (((o.prompt_tokens)::numeric * m.input_price) + ((o.completion_tokens)::numeric * m.output_price))
            END
            ELSE o.total_cost
        END AS calculated_total_cost
   FROM (observations o
     LEFT JOIN models m ON ((m.id = ( SELECT models.id
           FROM models
          WHERE (((models.project_id = o.project_id) OR (models.project_id IS NULL)) AND (models.model_name = o.internal_model) AND ((models.start_date < o.start_time) OR (models.start_date IS NULL)) AND (o.unit = models.unit))
          ORDER BY models.project_id, models.start_date DESC
         LIMIT 1))));