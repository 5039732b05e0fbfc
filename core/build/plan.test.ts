import { describe, expect, it } from 'vitest';
import gradebook from '../../examples/gradebook/app.js';
import { planUnits, unitName } from './plan.js';

const summary = (units: ReturnType<typeof planUnits>) => Object.fromEntries(units.map((u) => [u.name, u.handlers.length]));

describe('planUnits', () => {
  it('monolith: one unit with every handler', () => {
    expect(summary(planUnits(gradebook, 'monolith'))).toEqual({ gradebook: 21 });
  });

  it('microservices: one unit per resource', () => {
    expect(summary(planUnits(gradebook, 'microservices'))).toEqual({ health: 1, me: 1, students: 3, teachers: 2, courses: 5, enrolments: 3, grades: 6 });
  });

  it('nanoservices: one unit per handler, named from its id', () => {
    const units = planUnits(gradebook, 'nanoservices');
    expect(units).toHaveLength(21);
    expect(units.map((u) => u.name)).toContain('get-students-by-student-id-grades');
  });

  it('custom: named groups first, then one unit per remaining resource', () => {
    const units = planUnits(gradebook, 'custom', { people: { resources: ['students', 'teachers'] }, writes: { handlers: ['postGrades', 'postCourses'] } });
    expect(summary(units)).toEqual({ people: 5, writes: 2, health: 1, me: 1, courses: 4, enrolments: 3, grades: 5 });
    expect(() => planUnits(gradebook, 'custom', { bad: { handlers: ['nope'] } })).toThrow(/no handler or resource "nope"/);
  });

  it('graphql: one unit, every handler behind /graphql', () => {
    expect(summary(planUnits(gradebook, 'graphql'))).toEqual({ graphql: 21 });
  });

  it('makes valid unit names', () => {
    expect(unitName('getStudentsByStudentIdGrades')).toBe('get-students-by-student-id-grades');
    expect(unitName('2fa')).toBe('unit-2fa');
  });
});
