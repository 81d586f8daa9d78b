ALTER TABLE `telemetry_namespaces` DROP INDEX `telemetry_namespaces_uq`;--> statement-breakpoint
ALTER TABLE `telemetry_namespaces` ADD `environment_id` bigint unsigned DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `telemetry_namespaces` ADD CONSTRAINT `telemetry_namespaces_uq` UNIQUE(`cluster_id`,`namespace`,`environment_id`);--> statement-breakpoint
CREATE INDEX `telemetry_namespaces_env_idx` ON `telemetry_namespaces` (`environment_id`);--> statement-breakpoint
-- Existing telemetry belongs to the environment that owns its namespace now.
UPDATE `telemetry_namespaces` n JOIN `environments` e ON e.`cluster_id` = n.`cluster_id` AND e.`namespace` = n.`namespace` SET n.`environment_id` = e.`id` WHERE n.`cluster_id` <> 0;
