export { formatQuantity, formatUnits } from "./format-quantity";
export {
  formatOf,
  parseQuantity,
  parseWholeAmount,
  quantityMilli,
  type Quantity,
  type QuantityFormat,
} from "./parse-quantity";
