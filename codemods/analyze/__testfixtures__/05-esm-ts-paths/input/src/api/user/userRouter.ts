import { Router, type Request, type Response } from 'express';
const userRouter = Router();
userRouter.get('/', (_req: Request, res: Response) => { res.json([]); });
userRouter.get('/:id', (req: Request, res: Response) => { res.json({ id: req.params.id }); });
export default userRouter;
