CREATE TABLE `alert_events` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`instance_id` bigint unsigned NOT NULL,
	`at` timestamp(3) NOT NULL,
	`kind` enum('pending','firing','resolved','silenced','acknowledged','notified','inhibited') NOT NULL,
	`value` double,
	`severity` enum('info','warning','error','critical') NOT NULL,
	CONSTRAINT `alert_events_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `alert_instances` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`environment_id` bigint unsigned NOT NULL,
	`rule_id` bigint unsigned NOT NULL,
	`fingerprint` char(32) NOT NULL,
	`labels` json NOT NULL,
	`severity` enum('info','warning','error','critical') NOT NULL,
	`state` enum('pending','firing','resolved') NOT NULL,
	`value` double,
	`message` text NOT NULL,
	`started_at` timestamp(3) NOT NULL,
	`fired_at` timestamp(3),
	`resolved_at` timestamp(3),
	`last_eval_at` timestamp(3) NOT NULL,
	`notified` json,
	`last_notified_at` timestamp(3),
	`acknowledged_by` varchar(64),
	`acknowledged_at` timestamp(3),
	`silenced_by` bigint unsigned,
	`inhibited` boolean NOT NULL DEFAULT false,
	CONSTRAINT `alert_instances_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `alert_rules` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`environment_id` bigint unsigned NOT NULL,
	`name` varchar(63) NOT NULL,
	`kind` enum('metric','log','probe') NOT NULL,
	`enabled` boolean NOT NULL DEFAULT true,
	`for_seconds` bigint unsigned NOT NULL DEFAULT 0,
	`message` text NOT NULL,
	`levels` json NOT NULL,
	`receivers` json NOT NULL,
	`spec` json NOT NULL,
	`expr` text NOT NULL,
	`created_by` varchar(64) NOT NULL,
	`last_eval_at` timestamp(3),
	`last_error` varchar(512),
	`version` int unsigned NOT NULL DEFAULT 1,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `alert_rules_id` PRIMARY KEY(`id`),
	CONSTRAINT `alert_rules_env_name_uq` UNIQUE(`environment_id`,`name`)
);
--> statement-breakpoint
CREATE TABLE `alert_silences` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`environment_id` bigint unsigned NOT NULL,
	`rule` varchar(63),
	`matchers` json NOT NULL,
	`ends_at` timestamp(3) NOT NULL,
	`comment` varchar(1024) NOT NULL,
	`created_by` varchar(64) NOT NULL,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `alert_silences_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `alert_events` ADD CONSTRAINT `alert_events_instance_id_alert_instances_id_fk` FOREIGN KEY (`instance_id`) REFERENCES `alert_instances`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `alert_instances` ADD CONSTRAINT `alert_instances_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `alert_instances` ADD CONSTRAINT `alert_instances_environment_id_environments_id_fk` FOREIGN KEY (`environment_id`) REFERENCES `environments`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `alert_instances` ADD CONSTRAINT `alert_instances_rule_id_alert_rules_id_fk` FOREIGN KEY (`rule_id`) REFERENCES `alert_rules`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `alert_rules` ADD CONSTRAINT `alert_rules_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `alert_rules` ADD CONSTRAINT `alert_rules_environment_id_environments_id_fk` FOREIGN KEY (`environment_id`) REFERENCES `environments`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `alert_silences` ADD CONSTRAINT `alert_silences_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `alert_silences` ADD CONSTRAINT `alert_silences_environment_id_environments_id_fk` FOREIGN KEY (`environment_id`) REFERENCES `environments`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `alert_events_instance_idx` ON `alert_events` (`instance_id`,`at`);--> statement-breakpoint
CREATE INDEX `alert_instances_rule_state_idx` ON `alert_instances` (`rule_id`,`state`);--> statement-breakpoint
CREATE INDEX `alert_instances_env_state_idx` ON `alert_instances` (`environment_id`,`state`,`started_at`);--> statement-breakpoint
CREATE INDEX `alert_instances_tenant_idx` ON `alert_instances` (`tenant_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `alert_rules_tenant_idx` ON `alert_rules` (`tenant_id`);--> statement-breakpoint
CREATE INDEX `alert_silences_env_idx` ON `alert_silences` (`environment_id`,`ends_at`);