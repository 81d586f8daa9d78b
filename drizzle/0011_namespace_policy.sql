CREATE TABLE `cluster_namespace_policies` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`cluster_id` bigint unsigned NOT NULL,
	`adoptable` json NOT NULL,
	`reserved` json NOT NULL,
	`pod_security` json NOT NULL,
	`version` int unsigned NOT NULL DEFAULT 1,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `cluster_namespace_policies_id` PRIMARY KEY(`id`),
	CONSTRAINT `cluster_namespace_policies_cluster_uq` UNIQUE(`cluster_id`)
);
--> statement-breakpoint
ALTER TABLE `namespace_cleanups` MODIFY COLUMN `policy` enum('delete-namespace','remove-labels','release') NOT NULL;--> statement-breakpoint
ALTER TABLE `environments` ADD `namespace_created` boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cluster_namespace_policies` ADD CONSTRAINT `cluster_namespace_policies_cluster_id_clusters_id_fk` FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON DELETE cascade ON UPDATE no action;