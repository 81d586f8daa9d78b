CREATE TABLE `probe_failures` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`probe_id` bigint unsigned NOT NULL,
	`time_ms` bigint unsigned NOT NULL,
	`reason` varchar(1024) NOT NULL,
	CONSTRAINT `probe_failures_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `probe_uptime_hours` (
	`probe_id` bigint unsigned NOT NULL,
	`hour` int unsigned NOT NULL,
	`runs` int unsigned NOT NULL,
	`ok` int unsigned NOT NULL,
	CONSTRAINT `probe_uptime_hours_probe_id_hour_pk` PRIMARY KEY(`probe_id`,`hour`)
);
--> statement-breakpoint
CREATE TABLE `probes` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`environment_id` bigint unsigned NOT NULL,
	`name` varchar(63) NOT NULL,
	`kind` enum('http','tcp','icmp','dns') NOT NULL,
	`target` varchar(2048) NOT NULL,
	`interval_seconds` int unsigned NOT NULL,
	`timeout_seconds` int unsigned NOT NULL,
	`checks` json NOT NULL,
	`enabled` boolean NOT NULL DEFAULT true,
	`next_run_ms` bigint unsigned NOT NULL DEFAULT 0,
	`last_run_ms` bigint unsigned,
	`last_success` boolean,
	`last_duration_ms` int unsigned,
	`last_status_code` int unsigned,
	`last_error` varchar(1024),
	`last_cert_expiry_ms` bigint unsigned,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `probes_id` PRIMARY KEY(`id`),
	CONSTRAINT `probes_env_name_idx` UNIQUE(`environment_id`,`name`)
);
--> statement-breakpoint
ALTER TABLE `probe_failures` ADD CONSTRAINT `probe_failures_probe_id_probes_id_fk` FOREIGN KEY (`probe_id`) REFERENCES `probes`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `probe_uptime_hours` ADD CONSTRAINT `probe_uptime_hours_probe_id_probes_id_fk` FOREIGN KEY (`probe_id`) REFERENCES `probes`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `probes` ADD CONSTRAINT `probes_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `probes` ADD CONSTRAINT `probes_environment_id_environments_id_fk` FOREIGN KEY (`environment_id`) REFERENCES `environments`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `probe_failures_probe_time_idx` ON `probe_failures` (`probe_id`,`time_ms`);--> statement-breakpoint
CREATE INDEX `probe_failures_time_idx` ON `probe_failures` (`time_ms`);--> statement-breakpoint
CREATE INDEX `probe_uptime_hours_hour_idx` ON `probe_uptime_hours` (`hour`);--> statement-breakpoint
CREATE INDEX `probes_due_idx` ON `probes` (`enabled`,`next_run_ms`);--> statement-breakpoint
CREATE INDEX `probes_tenant_idx` ON `probes` (`tenant_id`);