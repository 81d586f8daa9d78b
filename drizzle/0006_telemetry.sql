CREATE TABLE `ingest_tokens` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(128) NOT NULL,
	`token_hash` char(64) NOT NULL,
	`prefix` varchar(16) NOT NULL,
	`cluster_id` bigint unsigned NOT NULL,
	`tenant_id` bigint unsigned,
	`environment_id` bigint unsigned,
	`namespace` varchar(63),
	`created_by` varchar(64) NOT NULL,
	`last_used_at` timestamp(3),
	`revoked_at` timestamp(3),
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `ingest_tokens_id` PRIMARY KEY(`id`),
	CONSTRAINT `ingest_tokens_hash_uq` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `telemetry_apm_rollups` (
	`ns_id` int unsigned NOT NULL,
	`minute` int unsigned NOT NULL,
	`service` varchar(128) NOT NULL,
	`operation` varchar(255) NOT NULL,
	`calls` int unsigned NOT NULL DEFAULT 0,
	`errors` int unsigned NOT NULL DEFAULT 0,
	`duration_sum_us` bigint unsigned NOT NULL DEFAULT 0,
	`duration_max_us` bigint unsigned NOT NULL DEFAULT 0,
	`h0` int unsigned NOT NULL DEFAULT 0,
	`h1` int unsigned NOT NULL DEFAULT 0,
	`h2` int unsigned NOT NULL DEFAULT 0,
	`h3` int unsigned NOT NULL DEFAULT 0,
	`h4` int unsigned NOT NULL DEFAULT 0,
	`h5` int unsigned NOT NULL DEFAULT 0,
	`h6` int unsigned NOT NULL DEFAULT 0,
	`h7` int unsigned NOT NULL DEFAULT 0,
	`h8` int unsigned NOT NULL DEFAULT 0,
	`h9` int unsigned NOT NULL DEFAULT 0,
	`h10` int unsigned NOT NULL DEFAULT 0,
	`h11` int unsigned NOT NULL DEFAULT 0,
	`h12` int unsigned NOT NULL DEFAULT 0,
	`h13` int unsigned NOT NULL DEFAULT 0,
	`h14` int unsigned NOT NULL DEFAULT 0,
	`h15` int unsigned NOT NULL DEFAULT 0,
	`h16` int unsigned NOT NULL DEFAULT 0,
	`h17` int unsigned NOT NULL DEFAULT 0,
	`h18` int unsigned NOT NULL DEFAULT 0,
	`h19` int unsigned NOT NULL DEFAULT 0,
	`h20` int unsigned NOT NULL DEFAULT 0,
	`h21` int unsigned NOT NULL DEFAULT 0,
	`h22` int unsigned NOT NULL DEFAULT 0,
	`h23` int unsigned NOT NULL DEFAULT 0,
	`h24` int unsigned NOT NULL DEFAULT 0,
	`h25` int unsigned NOT NULL DEFAULT 0,
	`h26` int unsigned NOT NULL DEFAULT 0,
	`h27` int unsigned NOT NULL DEFAULT 0,
	`h28` int unsigned NOT NULL DEFAULT 0,
	`h29` int unsigned NOT NULL DEFAULT 0,
	`h30` int unsigned NOT NULL DEFAULT 0,
	`h31` int unsigned NOT NULL DEFAULT 0,
	`h32` int unsigned NOT NULL DEFAULT 0,
	`h33` int unsigned NOT NULL DEFAULT 0,
	`h34` int unsigned NOT NULL DEFAULT 0,
	`h35` int unsigned NOT NULL DEFAULT 0,
	`h36` int unsigned NOT NULL DEFAULT 0,
	`h37` int unsigned NOT NULL DEFAULT 0,
	`h38` int unsigned NOT NULL DEFAULT 0,
	`h39` int unsigned NOT NULL DEFAULT 0,
	`h40` int unsigned NOT NULL DEFAULT 0,
	`h41` int unsigned NOT NULL DEFAULT 0,
	`h42` int unsigned NOT NULL DEFAULT 0,
	`h43` int unsigned NOT NULL DEFAULT 0,
	`h44` int unsigned NOT NULL DEFAULT 0,
	`h45` int unsigned NOT NULL DEFAULT 0,
	`h46` int unsigned NOT NULL DEFAULT 0,
	`h47` int unsigned NOT NULL DEFAULT 0,
	`h48` int unsigned NOT NULL DEFAULT 0,
	`h49` int unsigned NOT NULL DEFAULT 0,
	`h50` int unsigned NOT NULL DEFAULT 0,
	`h51` int unsigned NOT NULL DEFAULT 0,
	`h52` int unsigned NOT NULL DEFAULT 0,
	`h53` int unsigned NOT NULL DEFAULT 0,
	`h54` int unsigned NOT NULL DEFAULT 0,
	`h55` int unsigned NOT NULL DEFAULT 0,
	`h56` int unsigned NOT NULL DEFAULT 0,
	`h57` int unsigned NOT NULL DEFAULT 0,
	`h58` int unsigned NOT NULL DEFAULT 0,
	`h59` int unsigned NOT NULL DEFAULT 0,
	`h60` int unsigned NOT NULL DEFAULT 0,
	`h61` int unsigned NOT NULL DEFAULT 0,
	`h62` int unsigned NOT NULL DEFAULT 0,
	`h63` int unsigned NOT NULL DEFAULT 0,
	`h64` int unsigned NOT NULL DEFAULT 0,
	`h65` int unsigned NOT NULL DEFAULT 0,
	`h66` int unsigned NOT NULL DEFAULT 0,
	`h67` int unsigned NOT NULL DEFAULT 0,
	`h68` int unsigned NOT NULL DEFAULT 0,
	`h69` int unsigned NOT NULL DEFAULT 0,
	`h70` int unsigned NOT NULL DEFAULT 0,
	`h71` int unsigned NOT NULL DEFAULT 0,
	`h72` int unsigned NOT NULL DEFAULT 0,
	`h73` int unsigned NOT NULL DEFAULT 0,
	`h74` int unsigned NOT NULL DEFAULT 0,
	`h75` int unsigned NOT NULL DEFAULT 0,
	`h76` int unsigned NOT NULL DEFAULT 0,
	`h77` int unsigned NOT NULL DEFAULT 0,
	`h78` int unsigned NOT NULL DEFAULT 0,
	`h79` int unsigned NOT NULL DEFAULT 0,
	`h80` int unsigned NOT NULL DEFAULT 0,
	`h81` int unsigned NOT NULL DEFAULT 0,
	`h82` int unsigned NOT NULL DEFAULT 0,
	`h83` int unsigned NOT NULL DEFAULT 0,
	`h84` int unsigned NOT NULL DEFAULT 0,
	`h85` int unsigned NOT NULL DEFAULT 0,
	`h86` int unsigned NOT NULL DEFAULT 0,
	`h87` int unsigned NOT NULL DEFAULT 0,
	`h88` int unsigned NOT NULL DEFAULT 0,
	`h89` int unsigned NOT NULL DEFAULT 0,
	`h90` int unsigned NOT NULL DEFAULT 0,
	`h91` int unsigned NOT NULL DEFAULT 0,
	`h92` int unsigned NOT NULL DEFAULT 0,
	`h93` int unsigned NOT NULL DEFAULT 0,
	`h94` int unsigned NOT NULL DEFAULT 0,
	`h95` int unsigned NOT NULL DEFAULT 0,
	`h96` int unsigned NOT NULL DEFAULT 0,
	`h97` int unsigned NOT NULL DEFAULT 0,
	`h98` int unsigned NOT NULL DEFAULT 0,
	`h99` int unsigned NOT NULL DEFAULT 0,
	CONSTRAINT `telemetry_apm_rollups_ns_id_minute_service_operation_pk` PRIMARY KEY(`ns_id`,`minute`,`service`,`operation`)
);
--> statement-breakpoint
CREATE TABLE `telemetry_backends` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`cluster_id` bigint unsigned NOT NULL,
	`kind` enum('prometheus','loki','jaeger') NOT NULL,
	`url` varchar(512) NOT NULL,
	`username` varchar(128),
	`secret` text,
	`org_id` varchar(128),
	`namespace_label` varchar(128) NOT NULL DEFAULT 'namespace',
	`version` int unsigned NOT NULL DEFAULT 1,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `telemetry_backends_id` PRIMARY KEY(`id`),
	CONSTRAINT `telemetry_backends_cluster_kind_uq` UNIQUE(`cluster_id`,`kind`)
);
--> statement-breakpoint
CREATE TABLE `telemetry_logs` (
	`id` binary(8) NOT NULL,
	`time_us` bigint NOT NULL,
	`ns_id` int unsigned NOT NULL,
	`resource_id` bigint unsigned NOT NULL,
	`service` varchar(128) NOT NULL,
	`pod` varchar(253),
	`severity_number` tinyint unsigned NOT NULL,
	`severity_text` varchar(32),
	`body` mediumtext NOT NULL,
	`trace_id` binary(16),
	`span_id` binary(8),
	`attributes` mediumtext,
	CONSTRAINT `telemetry_logs_ns_id_time_us_id_pk` PRIMARY KEY(`ns_id`,`time_us`,`id`)
);
--> statement-breakpoint
CREATE TABLE `telemetry_metric_points` (
	`series_id` bigint unsigned NOT NULL,
	`time_ms` bigint NOT NULL,
	`value` double,
	`count` bigint unsigned,
	`buckets` text,
	CONSTRAINT `telemetry_metric_points_series_id_time_ms_pk` PRIMARY KEY(`series_id`,`time_ms`)
);
--> statement-breakpoint
CREATE TABLE `telemetry_metric_series` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`ns_id` int unsigned NOT NULL,
	`name` varchar(255) NOT NULL,
	`labels_hash` binary(16) NOT NULL,
	`type` enum('gauge','sum','histogram','summary','exponential_histogram') NOT NULL,
	`temporality` tinyint unsigned NOT NULL DEFAULT 0,
	`monotonic` tinyint unsigned NOT NULL DEFAULT 0,
	`unit` varchar(64) NOT NULL DEFAULT '',
	`description` varchar(512) NOT NULL DEFAULT '',
	`service` varchar(128) NOT NULL,
	`pod` varchar(253),
	`labels` text NOT NULL,
	`last_ms` bigint NOT NULL,
	CONSTRAINT `telemetry_metric_series_id` PRIMARY KEY(`id`),
	CONSTRAINT `telemetry_metric_series_uq` UNIQUE(`ns_id`,`name`,`labels_hash`)
);
--> statement-breakpoint
CREATE TABLE `telemetry_namespaces` (
	`id` int unsigned AUTO_INCREMENT NOT NULL,
	`cluster_id` bigint unsigned NOT NULL,
	`namespace` varchar(63) NOT NULL,
	CONSTRAINT `telemetry_namespaces_id` PRIMARY KEY(`id`),
	CONSTRAINT `telemetry_namespaces_uq` UNIQUE(`cluster_id`,`namespace`)
);
--> statement-breakpoint
CREATE TABLE `telemetry_resources` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`hash` binary(16) NOT NULL,
	`ns_id` int unsigned NOT NULL,
	`service` varchar(128) NOT NULL,
	`attributes` mediumtext NOT NULL,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	CONSTRAINT `telemetry_resources_id` PRIMARY KEY(`id`),
	CONSTRAINT `telemetry_resources_hash_uq` UNIQUE(`hash`)
);
--> statement-breakpoint
CREATE TABLE `telemetry_spans` (
	`trace_id` binary(16) NOT NULL,
	`span_id` binary(8) NOT NULL,
	`parent_span_id` binary(8),
	`ns_id` int unsigned NOT NULL,
	`resource_id` bigint unsigned NOT NULL,
	`service` varchar(128) NOT NULL,
	`name` varchar(255) NOT NULL,
	`kind` tinyint unsigned NOT NULL,
	`start_us` bigint NOT NULL,
	`duration_us` bigint unsigned NOT NULL,
	`status_code` tinyint unsigned NOT NULL,
	`status_message` varchar(512),
	`pod` varchar(253),
	`http_route` varchar(255),
	`http_status` smallint unsigned,
	`user_id` varchar(128),
	`attributes` mediumtext,
	`events` mediumtext,
	`links` text,
	CONSTRAINT `telemetry_spans_ns_id_start_us_span_id_pk` PRIMARY KEY(`ns_id`,`start_us`,`span_id`)
);
--> statement-breakpoint
ALTER TABLE `ingest_tokens` ADD CONSTRAINT `ingest_tokens_cluster_id_clusters_id_fk` FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `ingest_tokens` ADD CONSTRAINT `ingest_tokens_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `ingest_tokens` ADD CONSTRAINT `ingest_tokens_environment_id_environments_id_fk` FOREIGN KEY (`environment_id`) REFERENCES `environments`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `telemetry_backends` ADD CONSTRAINT `telemetry_backends_cluster_id_clusters_id_fk` FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `ingest_tokens_cluster_idx` ON `ingest_tokens` (`cluster_id`);--> statement-breakpoint
CREATE INDEX `ingest_tokens_env_idx` ON `ingest_tokens` (`environment_id`);--> statement-breakpoint
CREATE INDEX `telemetry_logs_trace_idx` ON `telemetry_logs` (`trace_id`,`span_id`);--> statement-breakpoint
CREATE INDEX `telemetry_logs_ns_service_time_idx` ON `telemetry_logs` (`ns_id`,`service`,`time_us`);--> statement-breakpoint
CREATE INDEX `telemetry_metric_points_time_idx` ON `telemetry_metric_points` (`time_ms`);--> statement-breakpoint
CREATE INDEX `telemetry_metric_series_ns_service_idx` ON `telemetry_metric_series` (`ns_id`,`service`);--> statement-breakpoint
CREATE INDEX `telemetry_metric_series_ns_pod_idx` ON `telemetry_metric_series` (`ns_id`,`pod`);--> statement-breakpoint
CREATE INDEX `telemetry_spans_trace_idx` ON `telemetry_spans` (`trace_id`);--> statement-breakpoint
CREATE INDEX `telemetry_spans_ns_service_time_idx` ON `telemetry_spans` (`ns_id`,`service`,`start_us`);--> statement-breakpoint
CREATE INDEX `telemetry_spans_ns_user_idx` ON `telemetry_spans` (`ns_id`,`user_id`,`start_us`);