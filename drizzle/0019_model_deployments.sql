CREATE TABLE `model_deployments` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`project_id` bigint unsigned NOT NULL,
	`environment_id` bigint unsigned NOT NULL,
	`name` varchar(63) NOT NULL,
	`source` varchar(63) NOT NULL,
	`model` varchar(255) NOT NULL,
	`model_version` varchar(128) NOT NULL,
	`runtime` enum('builtin','seldon','kserve') NOT NULL,
	`implementation` varchar(128),
	`task` varchar(128),
	`replicas` int unsigned NOT NULL DEFAULT 1,
	`resources` json NOT NULL,
	`parameters` json NOT NULL,
	`phase` enum('Pending','Running','Failed') NOT NULL DEFAULT 'Pending',
	`reason` varchar(1024),
	`history` json NOT NULL,
	`version` int unsigned NOT NULL DEFAULT 1,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `model_deployments_id` PRIMARY KEY(`id`),
	CONSTRAINT `model_deployments_env_name_uq` UNIQUE(`environment_id`,`name`)
);
--> statement-breakpoint
ALTER TABLE `model_deployments` ADD CONSTRAINT `model_deployments_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `model_deployments` ADD CONSTRAINT `model_deployments_project_id_projects_id_fk` FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `model_deployments` ADD CONSTRAINT `model_deployments_environment_id_environments_id_fk` FOREIGN KEY (`environment_id`) REFERENCES `environments`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `model_deployments_tenant_idx` ON `model_deployments` (`tenant_id`);