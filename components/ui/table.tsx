import type { ComponentProps } from "react";
import { cn } from "@/lib/ui/cn";

export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="overflow-x-auto rounded-md border">
      <table className={cn("w-full text-sm", className)} {...props} />
    </div>
  );
}
export const THead = (props: ComponentProps<"thead">) => (
  <thead className="bg-muted/50 text-left text-xs uppercase tracking-wide text-muted-foreground" {...props} />
);
export const TBody = (props: ComponentProps<"tbody">) => <tbody className="divide-y" {...props} />;
export const Th = ({ className, ...props }: ComponentProps<"th">) => (
  <th scope="col" className={cn("px-3 py-2 font-medium", className)} {...props} />
);
export const Td = ({ className, ...props }: ComponentProps<"td">) => (
  <td className={cn("px-3 py-2 align-middle", className)} {...props} />
);
