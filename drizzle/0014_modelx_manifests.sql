CREATE TABLE `modelx_manifests` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`repository` varchar(127) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`project_id` bigint unsigned,
	`model` varchar(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`reference` varchar(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`manifest` mediumtext NOT NULL,
	`size` bigint unsigned NOT NULL,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `modelx_manifests_id` PRIMARY KEY(`id`),
	CONSTRAINT `modelx_manifests_ref_idx` UNIQUE(`repository`,`model`,`reference`)
);
--> statement-breakpoint
ALTER TABLE `modelx_manifests` ADD CONSTRAINT `modelx_manifests_project_id_projects_id_fk` FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `modelx_manifests_project_idx` ON `modelx_manifests` (`project_id`);