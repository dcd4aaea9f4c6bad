"""auditors' decisions on PAKN questions: deadline class or exclusion, with history

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 14:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('pakn_decision',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('portal_id', sa.String(length=80), nullable=False),
    sa.Column('question_url', sa.String(length=2000), nullable=False),
    sa.Column('deadline_class', sa.String(length=20), nullable=True),
    sa.Column('excluded', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('superseded_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['portal_id'], ['portal.id'], ),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('pakn_decision')
