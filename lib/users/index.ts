export { getMe, type Me } from "./get-me";
export { listUsers, getUser, createUser, updateUser, deleteUser } from "./user-verbs";
export { userDto, type UserDto } from "./dto";
