CREATE TABLE `namespace_cleanups` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`cluster_id` bigint unsigned NOT NULL,
	`namespace` varchar(63) NOT NULL,
	`policy` enum('delete-namespace','remove-labels') NOT NULL,
	`attempts` int NOT NULL DEFAULT 0,
	`last_error` varchar(1024),
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `namespace_cleanups_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `tenants` ADD `network_isolation` boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `clusters` ADD `kind` enum('sandbox','imported') DEFAULT 'imported' NOT NULL;--> statement-breakpoint
ALTER TABLE `clusters` ADD `server` varchar(512) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `clusters` ADD `kubeconfig` text;--> statement-breakpoint
ALTER TABLE `clusters` ADD `reachable` boolean;--> statement-breakpoint
ALTER TABLE `clusters` ADD `server_version` varchar(64);--> statement-breakpoint
ALTER TABLE `clusters` ADD `node_count` int;--> statement-breakpoint
ALTER TABLE `clusters` ADD `namespace_count` int;--> statement-breakpoint
ALTER TABLE `clusters` ADD `last_error` varchar(1024);--> statement-breakpoint
ALTER TABLE `clusters` ADD `checked_at` timestamp(3);--> statement-breakpoint
ALTER TABLE `environments` ADD `delete_policy` enum('delete-namespace','remove-labels') DEFAULT 'delete-namespace' NOT NULL;--> statement-breakpoint
ALTER TABLE `environments` ADD `network_isolation` boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `environments` ADD `sync_status` enum('pending','synced','error') DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `environments` ADD `sync_error` varchar(1024);--> statement-breakpoint
ALTER TABLE `environments` ADD `synced_at` timestamp(3);--> statement-breakpoint
ALTER TABLE `projects` ADD `network_isolation` boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `namespace_cleanups` ADD CONSTRAINT `namespace_cleanups_cluster_id_clusters_id_fk` FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `namespace_cleanups_cluster_idx` ON `namespace_cleanups` (`cluster_id`);