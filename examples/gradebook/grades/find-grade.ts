import { NotFound } from 'carve';
import type { Grade } from '../schemas';
import type { GradeRepository } from './grade-repo';

export function findGrade(grades: GradeRepository, id: number): Grade {
  const grade = grades.get(id);
  if (!grade) throw new NotFound(`no grade ${id}`);
  return grade;
}
