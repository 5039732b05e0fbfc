import express from 'express';
import userRouter from '@/api/user/userRouter';
const app = express();
app.use('/users', userRouter);
export default app;
