-- discrepancies：编号唯一；每条差异至少一方有文字；数字差异两方都有文字
SELECT discrepancy_id, 'duplicate' AS problem FROM discrepancies GROUP BY discrepancy_id HAVING count(*) > 1
UNION ALL
SELECT discrepancy_id, 'empty' FROM discrepancies WHERE coalesce(body_text, '') = '' AND coalesce(annex_text, '') = ''
UNION ALL
SELECT discrepancy_id, 'number needs both texts' FROM discrepancies WHERE kind = 'number' AND (body_text = '' OR annex_text = '')
