-- The weights of the workload score, in one place. A row's lead share (lead_weight) is split equally between its
-- co-leads; its cooperation share (coop_weight) is split equally between its cooperating departments.
SELECT 1.0::DOUBLE AS lead_weight, 0.5::DOUBLE AS coop_weight
