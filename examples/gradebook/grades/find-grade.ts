import { NotFound } from 'carve';
import type { Grade } from '../schemas.js';
import type { GradeRepository } from './grade-repo.js';

export function findGrade(grades: GradeRepository, id: number): Grade {
  const grade = grades.get(id);
  if (!grade) throw new NotFound(`no grade ${id}`);
  return grade;
}
