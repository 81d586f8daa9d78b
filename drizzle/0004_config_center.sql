CREATE TABLE `config_backends` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`cluster_id` bigint unsigned NOT NULL,
	`kind` enum('nacos') NOT NULL DEFAULT 'nacos',
	`server_addr` varchar(512) NOT NULL,
	`context_path` varchar(64) NOT NULL DEFAULT 'nacos',
	`username` varchar(128),
	`password` text,
	`version` int unsigned NOT NULL DEFAULT 1,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `config_backends_id` PRIMARY KEY(`id`),
	CONSTRAINT `config_backends_cluster_uq` UNIQUE(`cluster_id`)
);
--> statement-breakpoint
CREATE TABLE `config_history` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`project_id` bigint unsigned NOT NULL,
	`environment_id` bigint unsigned NOT NULL,
	`config_id` bigint unsigned NOT NULL,
	`data_id` varchar(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`op` enum('I','U','D') NOT NULL,
	`source` enum('console','api','nacos','rollback') NOT NULL,
	`content_before` mediumtext,
	`content_after` mediumtext,
	`md5_before` char(32),
	`md5_after` char(32),
	`type_before` enum('text','json','yaml','properties','xml','html'),
	`type_after` enum('text','json','yaml','properties','xml','html'),
	`app_name` varchar(128) NOT NULL DEFAULT '',
	`actor` varchar(64) NOT NULL,
	`client_address` varchar(64),
	`rollback_of` bigint unsigned,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	CONSTRAINT `config_history_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `config_items` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`project_id` bigint unsigned NOT NULL,
	`environment_id` bigint unsigned NOT NULL,
	`data_id` varchar(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`content` mediumtext NOT NULL,
	`type` enum('text','json','yaml','properties','xml','html') NOT NULL DEFAULT 'text',
	`md5` char(32) NOT NULL,
	`app_name` varchar(128) NOT NULL DEFAULT '',
	`description` varchar(512) NOT NULL DEFAULT '',
	`tags` json NOT NULL,
	`created_by` varchar(64) NOT NULL,
	`created_ip` varchar(64),
	`updated_by` varchar(64) NOT NULL,
	`version` int unsigned NOT NULL DEFAULT 1,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `config_items_id` PRIMARY KEY(`id`),
	CONSTRAINT `config_items_env_data_uq` UNIQUE(`environment_id`,`data_id`)
);
--> statement-breakpoint
CREATE TABLE `config_keys` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`project_id` bigint unsigned NOT NULL,
	`environment_id` bigint unsigned NOT NULL,
	`name` varchar(128) NOT NULL,
	`access` enum('read-only','read-write') NOT NULL,
	`username` varchar(64) NOT NULL,
	`secret_hash` char(64) NOT NULL,
	`created_by` varchar(64) NOT NULL,
	`last_used_at` timestamp(3),
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `config_keys_id` PRIMARY KEY(`id`),
	CONSTRAINT `config_keys_username_uq` UNIQUE(`username`),
	CONSTRAINT `config_keys_env_name_uq` UNIQUE(`environment_id`,`name`)
);
--> statement-breakpoint
ALTER TABLE `config_backends` ADD CONSTRAINT `config_backends_cluster_id_clusters_id_fk` FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `config_history` ADD CONSTRAINT `config_history_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `config_history` ADD CONSTRAINT `config_history_project_id_projects_id_fk` FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `config_history` ADD CONSTRAINT `config_history_environment_id_environments_id_fk` FOREIGN KEY (`environment_id`) REFERENCES `environments`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `config_items` ADD CONSTRAINT `config_items_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `config_items` ADD CONSTRAINT `config_items_project_id_projects_id_fk` FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `config_items` ADD CONSTRAINT `config_items_environment_id_environments_id_fk` FOREIGN KEY (`environment_id`) REFERENCES `environments`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `config_keys` ADD CONSTRAINT `config_keys_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `config_keys` ADD CONSTRAINT `config_keys_project_id_projects_id_fk` FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `config_keys` ADD CONSTRAINT `config_keys_environment_id_environments_id_fk` FOREIGN KEY (`environment_id`) REFERENCES `environments`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `config_history_env_data_idx` ON `config_history` (`environment_id`,`data_id`,`id`);--> statement-breakpoint
CREATE INDEX `config_history_config_idx` ON `config_history` (`config_id`);--> statement-breakpoint
CREATE INDEX `config_history_tenant_idx` ON `config_history` (`tenant_id`);--> statement-breakpoint
CREATE INDEX `config_items_tenant_idx` ON `config_items` (`tenant_id`);--> statement-breakpoint
CREATE INDEX `config_keys_tenant_idx` ON `config_keys` (`tenant_id`);