export { getMe, type Me } from "./get-me";
export { listUsers } from "./list-users";
export { getUser } from "./get-user";
export { createUser } from "./create-user";
export { updateUser } from "./update-user";
export { deleteUser } from "./delete-user";
export { userDto, type UserDto } from "./dto";
